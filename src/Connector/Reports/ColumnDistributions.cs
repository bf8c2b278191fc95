using System.Globalization;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Evaluation.Streaming;

namespace Sdv.Connector.Reports;

/// <summary>
/// Bins and category frequencies of a column, from what the evaluation's pass over every value kept
/// (<see cref="DistributionSketch"/>, <see cref="CategorySketch"/>). Category labels are real values, so they are
/// shown only for categorical and boolean columns, at most <see cref="CategorySketch.MaxShown"/>, and a category seen
/// fewer than <see cref="CategorySketch.MinLabelCount"/> times among real values is never named. Histogram edges are
/// rounded ("nice") numbers, not real values. A skewed column (one of twenty equal-width bars would hold more than half
/// of the real values) gets logarithmic bins when it is positive over two decades or more (zeros in a bar of their own),
/// quantile bins (edges rounded) otherwise, and stays linear when a few values hold nearly every row.
/// </summary>
internal static class ColumnDistributions
{
    public const string RareLabel = "rare (hidden)";
    public const string OtherLabel = "other";
    public static readonly string RareNote =
        $"rare (hidden): categories seen fewer than {CategorySketch.MinLabelCount} times in the real data, not named so the report does not reveal them";

    /// <summary>
    /// Written in a chart whose every bar is "rare (hidden)" or "other": without it the chart reads as a failure (a
    /// column of unique names, say, plotted as one grey bar), when it is privacy at work.
    /// </summary>
    public static readonly string HiddenExplanation =
        $"Values hidden for privacy: each real value of this column is seen\n"
        + $"fewer than {CategorySketch.MinLabelCount} times, so none is named (\"rare (hidden)\").\n"
        + "\"other\": clone values found nowhere in the real data, generated,\n"
        + "not copied. A low score is expected for such a column.";

    /// <summary>True when a categories chart names no category: only "rare (hidden)" and "other" bars.</summary>
    public static bool NamesNothing(PlotSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return series.Kind == "categories" && series.Labels.Count > 0 && series.Labels.All(l => l is RareLabel or OtherLabel);
    }
    private const int TargetBins = 20;
    private const int QuantileBins = 10;
    private const double SkewedShare = 0.5;
    private const double NanosPerDay = 86_400e9;

    /// <summary>The plotted sdtypes: those SDMetrics' Column Shapes measures.</summary>
    public static bool IsPlotted(SdType type) => type is SdType.Numerical or SdType.Datetime or SdType.Categorical or SdType.Boolean;

    public static PlotSeries For(SdType type, ColumnOutcome outcome) =>
        outcome.Distribution is { } sketch
            ? Histogram(type == SdType.Datetime, sketch, outcome)
            : outcome.CategoryPlot is { } categories ? Categories(categories) : Empty(type == SdType.Datetime ? "dates" : "histogram", outcome);

    private static PlotSeries Histogram(bool dates, DistributionSketch sketch, ColumnOutcome outcome)
    {
        var kind = dates ? "dates" : "histogram";
        var points = sketch.Points;
        if (points.Count == 0) return Empty(kind, outcome);
        var scale = dates ? NanosPerDay : 1.0;
        var (lo, hi) = (points[0].Value / scale, points[^1].Value / scale);
        var approximate = sketch.IsExact ? string.Empty : $" (from {points.Count} points of the sorted values: shares within {100.0 / DistributionSketch.MaxPoints:0.##} points)";

        var linear = LinearEdges(lo, hi, integers: dates || points.All(p => Math.Abs(p.Value - Math.Round(p.Value)) < 1e-9));
        var linearShares = Shares(sketch, linear, scale);
        var largest = linearShares.Real.DefaultIfEmpty(0).Max();
        if (largest <= SkewedShare || linear.Length <= 2)
            return Series(kind, linear, linearShares, dates, outcome, "linear bins" + approximate);

        // Skewed: most real values in one of the equal-width bars, which would say nothing about the rest.
        var why = $"the values are skewed ({largest * 100:0}% of them would fall in one of {linear.Length - 1} equal-width bars)";
        if (!dates && lo >= 0 && FirstPositive(points) is { } smallest && hi / smallest >= 100)
        {
            // Positive over two decades or more (amounts, counts, sizes): 1, 2, 5 per power of ten; zeros get a bar of their own.
            var log = LogEdges(smallest, hi);
            if (lo == 0) log = [0, .. log];
            return Series(kind, log, Shares(sketch, log, scale), dates, outcome,
                $"logarithmic bins (1, 2, 5 per power of ten{(lo == 0 ? "; the first bar holds the zeros" : string.Empty)}): {why}" + approximate);
        }

        var quantile = QuantileEdges(sketch, scale, dates);
        if (quantile.Length - 1 >= 3)
        {
            return Series(kind, quantile, Shares(sketch, quantile, scale), dates, outcome,
                $"quantile bins: each holds about 1/{QuantileBins} of the real values (edges rounded, bars of unequal width): {why}" + approximate);
        }
        // A few values hold nearly every row: quantiles collapse onto them, and equal widths say it best.
        return Series(kind, linear, linearShares, dates, outcome, $"linear bins: {largest * 100:0}% of the values are in one bar, a few values hold nearly every row" + approximate);
    }

    /// <summary>The smallest value above zero, or null.</summary>
    private static double? FirstPositive(IReadOnlyList<(double Value, long Real, long Synthetic)> points)
    {
        foreach (var point in points)
        {
            if (point.Value > 0) return point.Value;
        }
        return null;
    }

    private static PlotSeries Series(string kind, double[] edges, (double[] Real, double[] Synthetic) shares, bool dates, ColumnOutcome outcome, string note) =>
        new(kind, edges[..^1].Select(e => Label(e, dates)).ToList(), shares.Real, shares.Synthetic, outcome.Real.Values, outcome.Synthetic.Values,
            NullShare(outcome.Real), NullShare(outcome.Synthetic), note);

    private static PlotSeries Empty(string kind, ColumnOutcome outcome) =>
        new(kind, [], [], [], 0, 0, NullShare(outcome.Real), NullShare(outcome.Synthetic));

    /// <summary>Shares of each side's values in [edge[i], edge[i+1]); the last bin closed on the right.</summary>
    private static (double[] Real, double[] Synthetic) Shares(DistributionSketch sketch, double[] edges, double scale)
    {
        var bins = edges.Length - 1;
        var (real, synthetic) = (new double[bins], new double[bins]);
        var (totalReal, totalSynthetic) = ((double)sketch.RealTotal, (double)sketch.SyntheticTotal);
        var previous = sketch.Below(edges[0] * scale);
        for (var i = 0; i < bins; i++)
        {
            var next = i == bins - 1 ? (Real: sketch.RealTotal, Synthetic: sketch.SyntheticTotal) : sketch.Below(edges[i + 1] * scale);
            real[i] = totalReal > 0 ? (next.Real - previous.Real) / totalReal : 0;
            synthetic[i] = totalSynthetic > 0 ? (next.Synthetic - previous.Synthetic) / totalSynthetic : 0;
            previous = next;
        }

        return (real, synthetic);
    }

    private static double[] LinearEdges(double lo, double hi, bool integers)
    {
        var step = NiceStep((hi - lo) / TargetBins);
        if (integers) step = Math.Max(step, 1);
        var start = Math.Floor(lo / step) * step;
        var bins = Math.Max(1, (int)Math.Floor((hi - start) / step) + 1);
        return Enumerable.Range(0, bins + 1).Select(i => start + (i * step)).ToArray();
    }

    /// <summary>1, 2, 5 × powers of ten from below the minimum to above the maximum.</summary>
    private static double[] LogEdges(double lo, double hi)
    {
        var edges = new List<double>();
        for (var power = Math.Floor(Math.Log10(lo)); edges.Count == 0 || edges[^1] <= hi; power++)
        {
            foreach (var m in new[] { 1.0, 2.0, 5.0 })
            {
                var edge = m * Math.Pow(10, power);
                if (edge * 5 > lo || edges.Count > 0) edges.Add(edge);
                if (edge > hi) break;
            }
        }

        return edges.Where((e, i) => i == 0 || e > edges[i - 1]).ToArray();
    }

    /// <summary>Real deciles rounded to two significant digits (or to the day), so no edge is a real value; repeats merged.</summary>
    private static double[] QuantileEdges(DistributionSketch sketch, double scale, bool dates)
    {
        var points = sketch.Points;
        var edges = new List<double> { Round(points[0].Value / scale, dates, down: true) };
        for (var q = 1; q < QuantileBins; q++)
        {
            var rank = sketch.RealTotal * q / QuantileBins;
            var point = points.FirstOrDefault(p => p.Real >= rank, points[^1]);
            var edge = Round(point.Value / scale, dates, down: false);
            if (edge > edges[^1]) edges.Add(edge);
        }

        var top = Round(points[^1].Value / scale, dates, down: false);
        edges.Add(top > edges[^1] ? top : edges[^1] + (dates ? 1 : NiceStep(Math.Abs(edges[^1]) / 10)));
        return [.. edges];
    }

    private static double Round(double value, bool dates, bool down)
    {
        if (dates) return down ? Math.Floor(value) : Math.Ceiling(value);
        if (value == 0) return 0;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(value))) - 1);
        return (down ? Math.Floor(value / magnitude) : Math.Ceiling(value / magnitude)) * magnitude;
    }

    private static PlotSeries Categories(CategorySketch sketch)
    {
        var shown = sketch.Shown();
        var labels = shown.Select(s => s.Label).ToList();
        var real = shown.Select(s => (double)s.Real).ToList();
        var synthetic = shown.Select(s => (double)s.Synthetic).ToList();
        if (sketch.RareReal > 0 || sketch.RareSynthetic > 0)
        {
            labels.Add(RareLabel);
            real.Add(sketch.RareReal);
            synthetic.Add(sketch.RareSynthetic);
        }

        if (sketch.OtherReal > 0 || sketch.OtherSynthetic > 0)
        {
            labels.Add(OtherLabel);
            real.Add(sketch.OtherReal);
            synthetic.Add(sketch.OtherSynthetic);
        }

        var note = sketch.RareReal > 0 || sketch.RareSynthetic > 0 ? RareNote : string.Empty;
        if (sketch.OtherReal > 0 || sketch.OtherSynthetic > 0)
            note += (note.Length > 0 ? "; " : string.Empty) + "other: categories beyond the 20 most frequent, or not found in the real data";
        return new PlotSeries("categories", labels, Normalise(real, sketch.RealTotal), Normalise(synthetic, sketch.SyntheticTotal),
            sketch.RealTotal, sketch.SyntheticTotal, 0, 0, note);
    }

    private static List<double> Normalise(List<double> counts, long total) => counts.Select(c => total == 0 ? 0 : c / total).ToList();

    private static double NullShare(SideProfile side) => side.Values + side.Nulls == 0 ? 0 : (double)side.Nulls / (side.Values + side.Nulls);

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="raw"/>.</summary>
    public static double NiceStep(double raw)
    {
        if (!(raw > 0) || !double.IsFinite(raw)) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }

    private static string Label(double value, bool dates) => dates
        ? DateTime.UnixEpoch.AddDays(Math.Clamp(value, -700_000, 2_900_000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : Compact(value);

    /// <summary>1.5k, 2M, 3G: short tick labels for wide ranges.</summary>
    private static string Compact(double value)
    {
        var abs = Math.Abs(value);
        return abs switch
        {
            >= 1e9 => (value / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + "G",
            >= 1e6 => (value / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + "M",
            >= 1e4 => (value / 1e3).ToString("0.##", CultureInfo.InvariantCulture) + "k",
            _ => value.ToString("G4", CultureInfo.InvariantCulture),
        };
    }
}
