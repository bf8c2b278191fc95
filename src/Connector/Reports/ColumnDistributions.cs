using System.Globalization;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Evaluation;

namespace Sdv.Connector.Reports;

/// <summary>
/// Bins and category frequencies of a column, from the bounded samples. Category labels are real
/// values, so they are shown only for categorical and boolean columns, at most <see cref="MaxCategories"/>,
/// and a category seen fewer than <see cref="MinLabelCount"/> times among real values is never named.
/// Histogram edges are rounded ("nice") numbers, not real values.
/// </summary>
internal static class ColumnDistributions
{
    public const int MaxCategories = 20;
    public const int MinLabelCount = 5;
    public const string RareLabel = "rare (hidden)";
    public const string OtherLabel = "other";
    private const int TargetBins = 20;
    private const double NanosPerDay = 86_400e9;

    /// <summary>The plotted sdtypes: those SDMetrics' Column Shapes measures.</summary>
    public static bool IsPlotted(SdType type) => type is SdType.Numerical or SdType.Datetime or SdType.Categorical or SdType.Boolean;

    public static PlotSeries For(SdType type, IReadOnlyList<object?> real, IReadOnlyList<object?> synthetic) => type switch
    {
        SdType.Numerical => Histogram("histogram", real, synthetic, dates: false),
        SdType.Datetime => Histogram("dates", real, synthetic, dates: true),
        _ => Categories(real, synthetic),
    };

    private static PlotSeries Histogram(string kind, IReadOnlyList<object?> real, IReadOnlyList<object?> synthetic, bool dates)
    {
        var r = Numbers(real, dates);
        var s = Numbers(synthetic, dates);
        var all = r.Concat(s).ToList();
        if (all.Count == 0)
            return new PlotSeries(kind, [], [], [], 0, 0, NullShare(real, r.Count), NullShare(synthetic, s.Count));
        var lo = all.Min();
        var hi = all.Max();
        var integers = !dates && all.All(v => Math.Abs(v - Math.Round(v)) < 1e-9);
        var step = NiceStep((hi - lo) / TargetBins);
        if (integers || dates) step = Math.Max(step, 1);
        var start = Math.Floor(lo / step) * step;
        var bins = Math.Max(1, (int)Math.Floor((hi - start) / step) + 1);
        var labels = Enumerable.Range(0, bins).Select(i => Label(start + (i * step), dates)).ToList();
        return new PlotSeries(kind, labels, Shares(r, start, step, bins), Shares(s, start, step, bins), r.Count, s.Count,
            NullShare(real, r.Count), NullShare(synthetic, s.Count));
    }

    private static PlotSeries Categories(IReadOnlyList<object?> real, IReadOnlyList<object?> synthetic)
    {
        var realCounts = new Dictionary<object, long>();
        var names = new Dictionary<object, string>();
        foreach (var value in real)
        {
            var key = CellValues.Key(value);
            realCounts[key] = realCounts.GetValueOrDefault(key) + 1;
            names.TryAdd(key, Name(value));
        }

        var shown = realCounts.Where(c => c.Value >= MinLabelCount)
            .OrderByDescending(c => c.Value).ThenBy(c => names[c.Key], StringComparer.Ordinal)
            .Take(MaxCategories).Select(c => c.Key).ToList();
        var labels = shown.Select(k => names[k]).ToList();
        var index = shown.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i);
        var rare = labels.Count;
        var other = labels.Count + 1;
        labels.Add(RareLabel);
        labels.Add(OtherLabel);
        double[] Count(IReadOnlyList<object?> values)
        {
            var counts = new double[labels.Count];
            foreach (var value in values)
            {
                var key = CellValues.Key(value);
                var slot = index.TryGetValue(key, out var i) ? i : realCounts.GetValueOrDefault(key) is > 0 and < MinLabelCount ? rare : other;
                counts[slot]++;
            }

            return values.Count == 0 ? counts : counts.Select(c => c / values.Count).ToArray();
        }

        var r = Count(real);
        var s = Count(synthetic);

        // Drop the "rare" and "other" bars when neither side has any.
        var keep = Enumerable.Range(0, labels.Count).Where(i => i < rare || r[i] > 0 || s[i] > 0).ToList();
        return new PlotSeries("categories", keep.Select(i => labels[i]).ToList(), keep.Select(i => r[i]).ToList(), keep.Select(i => s[i]).ToList(),
            real.Count, synthetic.Count, 0, 0);
    }

    private static string Name(object? value) => CellValues.IsNull(value) ? "(null)" : value switch
    {
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value!.ToString() ?? string.Empty,
    };

    private static List<double> Numbers(IReadOnlyList<object?> values, bool dates)
    {
        var numbers = new List<double>(values.Count);
        foreach (var value in values)
        {
            double n;
            try
            {
                n = CellValues.ToNumber(value);
            }
            catch (FormatException)
            {
                continue;
            }

            if (double.IsFinite(n)) numbers.Add(dates ? n / NanosPerDay : n);
        }

        return numbers;
    }

    private static double NullShare(IReadOnlyList<object?> values, int numbers) => values.Count == 0 ? 0 : 1 - ((double)numbers / values.Count);

    private static List<double> Shares(List<double> values, double start, double step, int bins)
    {
        var counts = new double[bins];
        foreach (var v in values)
        {
            var i = Math.Clamp((int)Math.Floor((v - start) / step), 0, bins - 1);
            counts[i]++;
        }

        return counts.Select(c => values.Count == 0 ? 0 : c / values.Count).ToList();
    }

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
