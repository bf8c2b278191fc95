using Sdv.Connector.Synthesis.Evaluation;
using Sdv.Connector.Synthesis.Evaluation.MachineLearning;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Evaluation.MachineLearning;

public sealed class MlEfficacyTests
{
    private static readonly EvaluationTable Real = MlData.People(1000, seed: 1);

    [Fact]
    public void Classification_on_a_faithful_copy_scores_high_with_a_ratio_near_one()
    {
        var copy = MlData.People(1000, seed: 1);

        var result = MlEfficacy.Evaluate(Real, copy, "tier", seed: 3);

        Assert.Equal("classification", result.Task);
        Assert.Equal("macroF1", result.Metric);
        Assert.Equal(700, result.RealTrainingRows);
        Assert.Equal(300, result.HoldoutRows);
        Assert.Equal(1000, result.SyntheticTrainingRows);
        Assert.Equal(["age", "income", "region", "joined", "member", "spend"], result.Features);
        Assert.True(result.Real.Accuracy > 0.8, $"real accuracy {result.Real.Accuracy}");
        Assert.True(result.Real.MacroF1 > 0.8, $"real macro F1 {result.Real.MacroF1}");
        Assert.Null(result.Real.RSquared);
        Assert.InRange(result.Ratio!.Value, 0.95, 1.05);
    }

    [Fact]
    public void Regression_on_a_faithful_copy_scores_high_with_a_ratio_near_one()
    {
        var result = MlEfficacy.Evaluate(Real, MlData.People(1000, seed: 1), "spend", seed: 3);

        Assert.Equal("regression", result.Task);
        Assert.Equal("rSquared", result.Metric);
        Assert.True(result.Real.RSquared > 0.8, $"real R² {result.Real.RSquared}");
        Assert.Null(result.Real.Accuracy);
        Assert.InRange(result.Ratio!.Value, 0.97, 1.03);
    }

    [Fact]
    public void A_copy_with_other_rows_of_the_same_law_still_trains_as_well()
    {
        var result = MlEfficacy.Evaluate(Real, MlData.People(1000, seed: 99), "spend", seed: 3);

        Assert.InRange(result.Ratio!.Value, 0.95, 1.05);
    }

    [Fact]
    public void Random_synthetic_values_train_a_much_worse_classifier()
    {
        var result = MlEfficacy.Evaluate(Real, MlData.People(1000, seed: 5, random: true), "tier", seed: 3);

        Assert.True(result.Real.MacroF1 > 0.8);
        Assert.True(result.Synthetic.MacroF1 < 0.5, $"synthetic macro F1 {result.Synthetic.MacroF1}");
        Assert.True(result.Ratio < 0.6, $"ratio {result.Ratio}");
    }

    [Fact]
    public void Random_synthetic_values_train_a_much_worse_regressor()
    {
        var result = MlEfficacy.Evaluate(Real, MlData.People(1000, seed: 5, random: true), "spend", seed: 3);

        Assert.True(result.Synthetic.RSquared < 0.2, $"synthetic R² {result.Synthetic.RSquared}");
        Assert.True(result.Ratio < 0.25, $"ratio {result.Ratio}");
    }

    [Fact]
    public void Same_seed_gives_the_same_figures_and_another_seed_another_split()
    {
        var synthetic = MlData.People(600, seed: 8);
        var first = MlEfficacy.Evaluate(Real, synthetic, "tier", seed: 11);
        var second = MlEfficacy.Evaluate(Real, synthetic, "tier", seed: 11);
        var regression1 = MlEfficacy.Evaluate(Real, synthetic, "spend", seed: 11);
        var regression2 = MlEfficacy.Evaluate(Real, synthetic, "spend", seed: 11);

        Assert.Equal(first.Real, second.Real);
        Assert.Equal(first.Synthetic, second.Synthetic);
        Assert.Equal(first.Ratio, second.Ratio);
        Assert.Equal(regression1.Real, regression2.Real);
        Assert.Equal(regression1.Synthetic, regression2.Synthetic);
        var other = MlEfficacy.Evaluate(Real, synthetic, "spend", seed: 12);
        Assert.NotEqual(regression1.Real.RSquared, other.Real.RSquared);
    }

    [Fact]
    public void A_holdout_class_unseen_in_training_is_left_out_and_said()
    {
        // One row of a class found nowhere else: wherever the split puts it, only one side can have it.
        var rows = Real.Rows.Select(r => (object?[])r.Clone()).ToList();
        var tier = Real.IndexOf("tier");
        rows[0][tier] = "platinum";
        var real = Real with { Rows = rows };
        var synthetic = Real with { Rows = Real.Rows.Where(r => !Equals(r[tier], "gold")).ToList() };

        var result = MlEfficacy.Evaluate(real, synthetic, "tier", seed: 3);

        Assert.True(result.Real.Accuracy > 0.8);
        Assert.Contains(result.Notes, n => n.Contains("synthetic training rows lack", StringComparison.Ordinal));
        Assert.True(result.Synthetic.Accuracy < result.Real.Accuracy);
        var total = result.HoldoutRows + result.Notes.Count(n => n.Contains("real training rows lack", StringComparison.Ordinal));
        Assert.InRange(total, 300, 301);
    }

    [Fact]
    public void A_missing_or_unlearnable_target_is_refused_by_name()
    {
        var missing = Assert.Throws<ArgumentException>(() => MlEfficacy.Evaluate(Real, Real, "nope", seed: 0));
        Assert.Contains("people has no column nope", missing.Message, StringComparison.Ordinal);
        var pii = Assert.Throws<ArgumentException>(() => MlEfficacy.Evaluate(Real, Real, "email", seed: 0));
        Assert.Contains("is pii", pii.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Macro_f1_and_r_squared_match_their_definitions()
    {
        // Classes a, b, c: F1 a = 2/3 (tp 1, fn 1), b = 1/2 (tp 1, fp 1, fn 1), c = 0 (fp 1) → mean 7/18.
        Assert.Equal(7.0 / 18.0, MlEfficacy.MacroF1(["a", "a", "b", "b"], ["a", "b", "b", "c"]), 12);
        // R²: residuals 0,1,0,1,0 (SS 2) against deviations from the mean 3 (SS 10).
        Assert.Equal(1 - (2.0 / 10.0), MlEfficacy.RSquared([1, 2, 3, 4, 5], [1, 3, 3, 5, 5])!.Value, 12);
    }
}
