using Sdv.Connector.Reports;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Evaluation;
using Sdv.Connector.Synthesis.Evaluation.Streaming;
using Xunit;

namespace Sdv.Connector.Tests.Reports;

/// <summary>
/// The HTML report's bins, chosen from the data: equal widths unless one of them would hold most real values; then
/// powers of ten for positive values over two decades (zeros apart), quantiles otherwise. Fixed seeds, exact
/// shares from the sketch (fewer distinct values than its limit).
/// </summary>
public sealed class ColumnDistributionsTests
{
    [Fact]
    public void Uniform_values_keep_equal_width_bins_with_no_bar_holding_much()
    {
        var values = Draw(2000, r => Math.Round(r.NextDouble() * 1000, 1));
        var series = Plot(values);
        Assert.Equal("linear bins", series.Note);
        Assert.InRange(series.Real.Max(), 0.0, 0.1);
        Assert.InRange(series.Labels.Count, 10, 21);
    }

    [Fact]
    public void Positive_values_over_decades_get_logarithmic_bins_that_spread_them()
    {
        // Amounts from 1 to 100,000, log-uniform: nine in ten under 10,000, so equal widths put most in the first bar.
        var values = Draw(3000, r => Math.Round(Math.Pow(10, r.NextDouble() * 5), 2));
        Assert.True(LinearLargestShare(values) > 0.5);
        var series = Plot(values);
        Assert.StartsWith("logarithmic bins (1, 2, 5 per power of ten): the values are skewed (", series.Note, StringComparison.Ordinal);
        Assert.Equal("1", series.Labels[0]);
        Assert.Contains("10k", series.Labels);
        Assert.InRange(series.Real.Max(), 0.0, 0.2);
        Assert.Equal(1.0, series.Real.Sum(), 9);
    }

    [Fact]
    public void Zeros_get_a_bar_of_their_own_before_the_logarithmic_bins()
    {
        // 60% zeros (no purchase), the rest 1 to 10,000.
        var values = Draw(2000, r => r.NextDouble() < 0.6 ? 0 : Math.Round(Math.Pow(10, r.NextDouble() * 4)));
        var series = Plot(values);
        Assert.Contains("the first bar holds the zeros", series.Note, StringComparison.Ordinal);
        Assert.Equal("0", series.Labels[0]);
        Assert.Equal(values.Count(v => v == 0) / (double)values.Length, series.Real[0], 9);
        Assert.Equal(1.0, series.Real.Sum(), 9);
    }

    [Fact]
    public void Skewed_values_below_zero_get_quantile_bins_of_about_a_tenth_each()
    {
        // Losses: mostly near zero, a long tail to -100,000.
        var values = Draw(3000, r => -Math.Round(Math.Pow(10, r.NextDouble() * 5), 2));
        var series = Plot(values);
        Assert.StartsWith("quantile bins: each holds about 1/10 of the real values", series.Note, StringComparison.Ordinal);
        Assert.InRange(series.Labels.Count, 8, 11);
        Assert.All(series.Real, share => Assert.InRange(share, 0.05, 0.16));
    }

    [Fact]
    public void A_few_values_holding_nearly_every_row_stay_on_equal_width_bins()
    {
        // 95% are 0, the rest spread from -50 to 50: quantiles collapse onto 0.
        var values = Draw(2000, r => r.NextDouble() < 0.95 ? 0 : Math.Round((r.NextDouble() * 100) - 50));
        var series = Plot(values);
        Assert.StartsWith("linear bins: ", series.Note, StringComparison.Ordinal);
        Assert.Contains("a few values hold nearly every row", series.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Skewed_dates_get_quantile_bins_rounded_to_the_day()
    {
        // Most rows in the last year of twenty.
        var start = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var values = Draw(2000, r => (r.NextDouble() < 0.9 ? 7000 + (r.NextDouble() * 300) : r.NextDouble() * 7300) * 86_400e9);
        var series = Plot(values.Select(v => Math.Round(v / 86_400e9) * 86_400e9 + (start - DateTime.UnixEpoch).TotalDays * 86_400e9).ToArray(), SdType.Datetime);
        Assert.Equal("dates", series.Kind);
        Assert.StartsWith("quantile bins", series.Note, StringComparison.Ordinal);
        Assert.All(series.Labels, l => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", l));
    }

    [Fact]
    public void A_chart_of_only_hidden_values_says_why_in_the_chart()
    {
        var sketch = new CategorySketch();
        for (var i = 0; i < 40; i++) sketch.Add($"name {i}", 1, 0);
        sketch.Add("generated name", 0, 40);
        var outcome = new ColumnOutcome(new EvaluationColumn("name", SdType.Categorical), continuous: false) { CategoryPlot = sketch };
        var series = ColumnDistributions.For(SdType.Categorical, outcome);

        Assert.Equal([ColumnDistributions.RareLabel, ColumnDistributions.OtherLabel], series.Labels);
        Assert.True(ColumnDistributions.NamesNothing(series));
        var svg = SvgCharts.Bars(series.Labels, series.Real, series.Synthetic, true, "category", ColumnDistributions.HiddenExplanation);
        Assert.Contains("class=\"chart-message\"", svg, StringComparison.Ordinal);
        Assert.Contains("Values hidden for privacy: each real value of this column is seen", svg, StringComparison.Ordinal);
        Assert.Contains("fewer than 5 times, so none is named", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("name 3", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chart_that_names_categories_carries_no_privacy_panel()
    {
        var sketch = new CategorySketch();
        sketch.Add("common", 50, 48);
        sketch.Add("seldom", 2, 1);
        var outcome = new ColumnOutcome(new EvaluationColumn("kind", SdType.Categorical), continuous: false) { CategoryPlot = sketch };
        var series = ColumnDistributions.For(SdType.Categorical, outcome);

        Assert.Equal(["common", ColumnDistributions.RareLabel], series.Labels);
        Assert.False(ColumnDistributions.NamesNothing(series));
        Assert.DoesNotContain("chart-message", SvgCharts.Bars(series.Labels, series.Real, series.Synthetic, true, "category"), StringComparison.Ordinal);
    }

    private static double[] Draw(int count, Func<Random, double> draw)
    {
        var random = new Random(20261203);
        return Enumerable.Range(0, count).Select(_ => draw(random)).ToArray();
    }

    /// <summary>The series the report plots for these real values (the synthetic side the same values, so its shares match).</summary>
    private static PlotSeries Plot(double[] values, SdType type = SdType.Numerical)
    {
        var counts = values.GroupBy(v => v).OrderBy(g => g.Key).ToList();
        var sketch = new DistributionSketch(values.Length, values.Length);
        var outcome = new ColumnOutcome(new EvaluationColumn("x", type), continuous: true) { Distribution = sketch };
        foreach (var group in counts)
        {
            sketch.Add(group.Key, group.Count(), group.Count());
            outcome.Real.Add(group.Key, group.Key, group.Count());
            outcome.Synthetic.Add(group.Key, group.Key, group.Count());
        }
        sketch.Complete();
        Assert.True(sketch.IsExact);
        return ColumnDistributions.For(type, outcome);
    }

    /// <summary>The share of the values in the fullest of twenty equal-width bars over their range.</summary>
    private static double LinearLargestShare(double[] values)
    {
        var (lo, hi) = (values.Min(), values.Max());
        return values.GroupBy(v => Math.Min(19, (int)((v - lo) / (hi - lo) * 20))).Max(g => g.Count()) / (double)values.Length;
    }
}
