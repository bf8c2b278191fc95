using Sdv.Connector.Synthesis.Joint;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Joint;

public sealed class JointModelFitterTests
{
    [Fact]
    public void Auto_scores_every_kind_on_held_out_rows_and_keeps_the_best()
    {
        var data = TransformedData.Generate(3000, 31);
        var model = JointModelFitter.Fit(data, new SynthesisOptions { Model = ModelKind.Auto }, new Xoshiro256(1));
        var selection = model.Selection!;
        Assert.Equal(600, selection.HeldOutRows);
        Assert.Equal(["copula", "cart", "arf"], selection.Candidates.Select(static c => c.Label.Split(' ')[0]));
        var best = selection.Candidates.MaxBy(static c => c.Quality)!;
        Assert.Equal(best.Label, selection.Chosen);
        Assert.StartsWith(model switch { CartJointModel => "cart", ArfJointModel => "arf", _ => "copula" }, selection.Chosen, StringComparison.Ordinal);
        // b is a V-shaped function of a: the copula's single correlation cannot hold it, the trees can.
        var copula = selection.Candidates[0];
        Assert.True(best.Trends > copula.Trends + 0.02, $"best {best.Label} trends {best.Trends}, copula {copula.Trends}");
        Assert.All(selection.Candidates, c => Assert.InRange(c.Quality, 0.5, 1.0));
    }

    [Fact]
    public void Trials_fit_that_many_variants_of_one_kind()
    {
        var data = TransformedData.Generate(1500, 32);
        var model = JointModelFitter.Fit(data, new SynthesisOptions { Model = ModelKind.Cart, Trials = 3 }, new Xoshiro256(2));
        Assert.IsType<CartJointModel>(model);
        var labels = model.Selection!.Candidates.Select(static c => c.Label).ToList();
        Assert.Equal(3, labels.Distinct().Count());
        Assert.All(labels, l => Assert.StartsWith("cart (", l, StringComparison.Ordinal));
        Assert.Equal(((CartJointModel)model).Settings.Describe(), model.Selection.Chosen[6..^1]);
    }

    [Fact]
    public void A_table_too_small_to_compare_keeps_the_first_candidate_and_says_so()
    {
        var data = TransformedData.Generate(30, 33);
        var model = JointModelFitter.Fit(data, new SynthesisOptions { Model = ModelKind.Auto }, new Xoshiro256(3));
        Assert.IsType<CopulaJointModel>(model);
        Assert.Equal(0, model.Selection!.HeldOutRows);
        Assert.Empty(model.Selection.Candidates);
    }

    [Fact]
    public void One_model_asked_for_is_fitted_without_a_comparison()
    {
        var data = TransformedData.Generate(500, 34);
        Assert.Null(JointModelFitter.Fit(data, new SynthesisOptions { Model = ModelKind.Arf }, new Xoshiro256(4)).Selection);
    }

    [Fact]
    public void The_held_out_score_is_one_for_the_rows_themselves_and_drops_when_their_links_are_broken()
    {
        var space = TreeSpace.From(TransformedData.Generate(2000, 35));
        var same = HeldOutScore.Compare("same", space, space.Rows, null, new Xoshiro256(1));
        Assert.Equal(1.0, same.Quality);
        // Each column shuffled on its own: shapes unchanged, trends lost.
        var random = new Xoshiro256(2);
        var shuffled = space.Rows.Select(static r => (double[])r.Clone()).ToArray();
        foreach (var column in space.Columns)
        {
            for (var i = shuffled.Length - 1; i > 0; i--)
            {
                var j = random.NextInt(i + 1);
                foreach (var d in column) (shuffled[i][d], shuffled[j][d]) = (shuffled[j][d], shuffled[i][d]);
            }
        }

        var broken = HeldOutScore.Compare("shuffled", space, shuffled, null, new Xoshiro256(1));
        Assert.Equal(1.0, broken.Shapes);
        Assert.True(broken.Trends < 0.9, $"trends {broken.Trends}");
    }
}
