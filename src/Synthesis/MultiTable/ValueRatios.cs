using System.Globalization;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>One multiple of the parent's value a child's value takes, and its share among the rows that take one.</summary>
/// <param name="Ratio">Child value over parent value, to two decimals (0.8: a price 20% below the product's).</param>
/// <param name="Weight">Share of the rows with a kept ratio that have this one.</param>
public sealed record ValueRatio(double Ratio, double Weight);

/// <summary>
/// Where a child's number equals its parent's in part of the rows only, what the other rows hold relative to the parent's:
/// in Northwind 69% of order lines are priced at their product's price and 29% at 0.8 times it (sold before a rise), so a
/// clone that draws those lines' prices freely loses the line~product price correlation (0.99 in the source, 0.59 in the
/// clone). Ratios are counted to two decimals over the unequal rows (their distinct pairs of values, counted by the
/// source); only those at least k rows share are kept (a multiple one row has is that row's), and only when they cover a
/// good part of the unequal rows.
/// </summary>
public static class ValueRatios
{
    /// <summary>Share of the unequal rows the kept ratios must cover to be used at all: below it they are noise.</summary>
    public const double MinimumCoverage = 0.3;

    /// <summary>Most ratios kept, the most common first.</summary>
    public const int MaxRatios = 16;

    /// <summary>Most decimals a derived value is written with.</summary>
    public const int MaxDecimals = 6;

    /// <summary>
    /// The ratios of <paramref name="pairs"/> (child and parent values, non-null and unequal, and the rows that have them)
    /// that at least <paramref name="rareK"/> rows have, with their share of the rows and the decimals the child's values
    /// are written with; null when none is common enough or together they cover too little.
    /// </summary>
    public static (IReadOnlyList<ValueRatio> Ratios, double Coverage, int Decimals)? Learn(IReadOnlyList<(double Child, double Parent, long Rows)> pairs, int rareK)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var counts = new Dictionary<double, long>();
        long rows = 0;
        var decimals = 0;
        foreach (var (child, parent, n) in pairs)
        {
            rows += n;
            // A ratio means something for values of one sign away from zero (prices, amounts, quantities).
            if (!(parent > 0 && child > 0) || !double.IsFinite(child) || !double.IsFinite(parent)) continue;
            var ratio = Math.Round(child / parent, 2);
            counts[ratio] = counts.GetValueOrDefault(ratio) + n;
            decimals = Math.Max(decimals, DecimalsOf(child));
        }

        var kept = counts.Where(c => c.Key > 0 && c.Value >= Math.Max(rareK, 2)).OrderByDescending(c => c.Value).ThenBy(c => c.Key).Take(MaxRatios).ToList();
        var covered = kept.Sum(c => c.Value);
        if (covered == 0 || covered < MinimumCoverage * rows) return null;
        return (kept.Select(c => new ValueRatio(c.Key, c.Value / (double)covered)).ToList(), covered / (double)rows, decimals);
    }

    /// <summary>The parent's value times a ratio drawn by weight, rounded to <paramref name="decimals"/>, in the type of <paramref name="like"/> (the value the row drew) or else the parent's.</summary>
    public static object? Derive(object? parent, IReadOnlyList<ValueRatio> ratios, int decimals, object? like, double draw)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        if (parent is null || ratios.Count == 0) return like;
        var ratio = ratios[^1].Ratio;
        for (var i = 0; i < ratios.Count; i++)
        {
            draw -= ratios[i].Weight;
            if (draw < 0)
            {
                ratio = ratios[i].Ratio;
                break;
            }
        }

        double value;
        try
        {
            value = Convert.ToDouble(parent, CultureInfo.InvariantCulture) * ratio;
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            return like;
        }

        if (!double.IsFinite(value) || Math.Abs(value) > 1e15) return like;

        return (like ?? parent) switch
        {
            decimal => (decimal)Math.Round(value, decimals, MidpointRounding.AwayFromZero),
            double => Math.Round(value, decimals, MidpointRounding.AwayFromZero),
            float => (float)Math.Round(value, decimals, MidpointRounding.AwayFromZero),
            long => (long)Math.Round(value, MidpointRounding.AwayFromZero),
            int => (int)Math.Round(value, MidpointRounding.AwayFromZero),
            short => (short)Math.Round(value, MidpointRounding.AwayFromZero),
            _ => like,
        };
    }

    /// <summary>Decimals in the shortest text that reads back as <paramref name="value"/> (0.1 has one, 13.96 two).</summary>
    private static int DecimalsOf(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains('E', StringComparison.OrdinalIgnoreCase)) return MaxDecimals;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : Math.Min(MaxDecimals, text.Length - dot - 1);
    }
}
