using System.Text.Json;
using Sdv.Connector.Synthesis.Joint;
using Sdv.Connector.Synthesis.Joint.Trees;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Joint;

/// <summary>
/// What the tree models keep is statistics of at least k rows: no leaf covers fewer than k training
/// rows, no stored point, threshold or bound is a training row's u, and the same seed gives the same
/// model file and the same rows.
/// </summary>
public sealed class TreeModelPrivacyTests
{
    private const int K = 5;

    private static (JointTrainingData Data, TreeSpace Space) Data(int n = 3000)
    {
        var data = TransformedData.Generate(n, 21);
        return (data, TreeSpace.From(data));
    }

    private static HashSet<double> TrainingValues(TreeSpace space) =>
        space.Rows.SelectMany(static r => r).Where(static u => !double.IsNaN(u)).ToHashSet();

    [Fact]
    public void Every_cart_leaf_covers_at_least_k_rows_and_keeps_no_training_value()
    {
        var (data, space) = Data();
        var model = CartJointModel.Fit(space, new CartSettings(MinLeaf: K), K, new Xoshiro256(1));
        model.Prepare(data.Dimensions);
        var seen = TrainingValues(space);
        var leaves = 0;
        foreach (var step in model.Steps)
        {
            var rows = new int[step.Tree.LeafCount];
            foreach (var row in space.Rows)
            {
                if (!double.IsNaN(row[step.Dimension])) rows[step.Tree.LeafOf(row)]++;
            }

            leaves += rows.Length;
            // A value's tree is fitted on the rows where it is not NULL; those are its leaves' rows.
            Assert.All(rows, count => Assert.True(count >= K, $"a leaf of {data.Dimensions[step.Dimension].Column}'s tree covers {count} rows"));
            for (var leaf = 0; leaf < step.Tree.LeafCount; leaf++)
            {
                foreach (var point in step.Leaves.PointsOf(leaf)) Assert.DoesNotContain(point, seen);
            }

            for (var node = 0; node < step.Tree.Nodes; node++)
            {
                if (!step.Tree.IsLeaf(node) && !step.Tree.IsCategorical(node)) Assert.DoesNotContain(Quantized.ToDouble(step.Tree.Split[node]), seen);
            }
        }

        Assert.True(leaves > 5 * model.Steps.Count, $"only {leaves} leaves: the trees did not grow");
    }

    [Fact]
    public void Every_arf_leaf_covers_at_least_k_real_rows_and_keeps_no_training_value()
    {
        var (data, space) = Data();
        var model = ArfTrainer.Fit(space, new ArfSettings(), K, new Xoshiro256(1));
        model.Prepare(data.Dimensions);
        var seen = TrainingValues(space);
        foreach (var tree in model.Trees)
        {
            var rows = new int[tree.Tree.LeafCount];
            foreach (var row in space.Rows) rows[tree.Tree.LeafOf(row)]++;
            Assert.Equal(rows, tree.Coverage);
            Assert.All(rows, count => Assert.True(count >= K, $"a leaf covers {count} real rows"));
            Assert.True(tree.Tree.LeafCount > 20, $"only {tree.Tree.LeafCount} leaves");
            for (var dim = 0; dim < data.Dimensions.Count; dim++)
            {
                for (var leaf = 0; leaf < tree.Tree.LeafCount; leaf++)
                {
                    foreach (var point in tree.Leaves[dim].PointsOf(leaf)) Assert.DoesNotContain(point, seen);
                }
            }
        }
    }

    [Fact]
    public void A_leaf_draws_between_its_points_never_a_stored_point_by_more_than_chance()
    {
        var sorted = Enumerable.Range(0, 40).Select(static i => (i + 0.5) / 40).ToArray();
        var points = SmoothedQuantiles.Points(sorted, K, 8, 0, 1);
        // 8 groups of 5 values: means at 0.0625, 0.1875, ...; ends half a gap out, at 0 and 1.
        Assert.Equal(10, points.Length);
        Assert.Equal(0, points[0]);
        Assert.Equal(62_500, points[1]);
        Assert.Equal(1_000_000, points[^1]);
        var asDouble = points.Select(static p => Quantized.ToDouble(p)).ToArray();
        var random = new Xoshiro256(3);
        var draws = Enumerable.Range(0, 20_000).Select(_ => SmoothedQuantiles.Draw(asDouble, random)).ToList();
        // The draws are uniform on [0, 1] like the values (KS distance below 0.02), and none is a stored point.
        Assert.True(Stats.KsComplement(sorted, draws) > 0.97);
        Assert.DoesNotContain(draws, d => asDouble.Contains(d));
    }

    [Fact]
    public void Fewer_than_k_values_keep_nothing()
    {
        Assert.Empty(SmoothedQuantiles.Points([0.1, 0.2, 0.3, 0.4], K, 8, 0, 1));
        // Between k and 2k - 1 values: one mean and a uniform of the same spread, no single value.
        var points = SmoothedQuantiles.Points([0.1, 0.2, 0.3, 0.4, 0.5, 0.6], K, 8, 0, 1);
        Assert.Equal(3, points.Length);
        Assert.Equal(350_000, points[1]);
    }

    public static TheoryData<string> Kinds => new() { "cart", "arf" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_same_seed_gives_the_same_model_file_and_rows(string kind)
    {
        string Json(out List<double[]> rows)
        {
            var (data, space) = Data(1500);
            JointModel model = kind == "cart" ? CartJointModel.Fit(space, new CartSettings(), K, new Xoshiro256(9)) : ArfTrainer.Fit(space, new ArfSettings(), K, new Xoshiro256(9));
            model.Prepare(data.Dimensions);
            rows = Draw(model, data.Dimensions.Count, 200, 4);
            return JsonSerializer.Serialize(model, ModelFile.JsonOptions);
        }

        var first = Json(out var firstRows);
        var second = Json(out var secondRows);
        Assert.Equal(first, second);
        Assert.Equal(firstRows, secondRows);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_model_read_back_from_json_draws_the_same_rows(string kind)
    {
        var (data, space) = Data(1500);
        JointModel model = kind == "cart" ? CartJointModel.Fit(space, new CartSettings(), K, new Xoshiro256(9)) : ArfTrainer.Fit(space, new ArfSettings(), K, new Xoshiro256(9));
        model.Prepare(data.Dimensions);
        var json = JsonSerializer.Serialize(model, ModelFile.JsonOptions);
        Assert.Contains($"\"kind\":\"{kind}\"", json, StringComparison.Ordinal);
        var read = JsonSerializer.Deserialize<JointModel>(json, ModelFile.JsonOptions)!;
        read.Prepare(data.Dimensions);
        Assert.Equal(Draw(model, data.Dimensions.Count, 300, 6), Draw(read, data.Dimensions.Count, 300, 6));
    }

    [Fact]
    public void A_model_whose_trees_name_missing_dimensions_is_refused_with_what_to_do()
    {
        var (data, space) = Data(1500);
        var model = CartJointModel.Fit(space, new CartSettings(), K, new Xoshiro256(9));
        var json = JsonSerializer.Serialize<JointModel>(model, ModelFile.JsonOptions);
        var read = JsonSerializer.Deserialize<JointModel>(json, ModelFile.JsonOptions)!;
        var error = Assert.Throws<InvalidDataException>(() => read.Prepare(data.Dimensions.Take(3).ToList()));
        Assert.Contains("fit the model again", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Rows drawn with the first (context) dimension fixed to each bucket in turn.</summary>
    internal static List<double[]> Draw(JointModel model, int dimensions, int count, ulong seed)
    {
        var random = new Xoshiro256(seed);
        var state = model.CreateState();
        var rows = new List<double[]>();
        var isFixed = new bool[dimensions];
        isFixed[0] = true;
        for (var i = 0; i < count; i++)
        {
            var u = new double[dimensions];
            Array.Fill(u, double.NaN);
            u[0] = ((i % 3) + 0.5) / 3;
            model.Sample(u, isFixed, random, state);
            rows.Add(u);
        }

        return rows;
    }
}
