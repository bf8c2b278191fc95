using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// A child's date that follows its parent's closely: a prescription starts on its visit's day or one or two days after,
/// a shipment leaves a few days after its order. Drawn on its own (even given the parent's columns) such a date lands
/// anywhere in the column's years: half of the demo's prescriptions started before the visit that wrote them. Where the
/// spread of the child's date less its parent's is a small part of the child's own spread, the clone writes the synthetic
/// parent's date plus an offset drawn from the source's offsets (quantiles whose ends are the k-th smallest and largest
/// offsets, so no one row's offset is kept).
/// </summary>
public static class ValueOffsets
{
    /// <summary>Quantiles kept of the offsets (0%, 5%, ..., 100%).</summary>
    public const int Quantiles = 21;

    /// <summary>The most the offsets' 5-95% range may be of the child's own for the child to follow its parent.</summary>
    public const double MaxSpreadShare = 0.1;

    /// <summary>Rows below which no offset is learned.</summary>
    public const int MinRows = 20;

    private const double MicrosecondsPerDay = 86_400_000_000d;

    /// <summary>
    /// The offsets of <paramref name="pairs"/> (child and parent as numbers of one kind, and the rows that have them), or
    /// null where the child's dates do not follow the parent's; <paramref name="dayUnits"/> is false for timestamps
    /// (microseconds), true for dates (days).
    /// </summary>
    public static (double[] Quantiles, double Step)? Learn(IReadOnlyList<(double Child, double Parent, long Rows)> pairs, int rareK, bool dayUnits)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var rows = pairs.Sum(static p => p.Rows);
        var k = Math.Max(rareK, 2);
        if (rows < Math.Max(MinRows, 2 * k)) return null;
        var children = pairs.Select(static p => (Value: p.Child, p.Rows)).OrderBy(static p => p.Value).ToList();
        var offsets = pairs.Select(static p => (Value: p.Child - p.Parent, p.Rows)).OrderBy(static p => p.Value).ToList();
        var childSpread = At(children, rows, 0.95 * rows) - At(children, rows, 0.05 * rows);
        var offsetSpread = At(offsets, rows, 0.95 * rows) - At(offsets, rows, 0.05 * rows);
        if (!(childSpread > 0) || offsetSpread > MaxSpreadShare * childSpread) return null;

        var quantiles = new double[Quantiles];
        for (var i = 0; i < Quantiles; i++)
        {
            // The ends are the k-th smallest and largest offsets: one row's own offset is never kept.
            var rank = Math.Clamp(i / (double)(Quantiles - 1) * rows, k, rows - k);
            quantiles[i] = At(offsets, rows, rank);
        }

        return (quantiles, StepOf(offsets.Select(static o => o.Value), dayUnits));
    }

    /// <summary>The parent's date plus an offset at <paramref name="draw"/> of the quantiles, in steps; the row's own value where either is missing.</summary>
    public static object? Derive(object? parent, double[] quantiles, double step, object? drawn, double draw)
    {
        ArgumentNullException.ThrowIfNull(quantiles);
        if (parent is null || drawn is null) return drawn;
        var kind = drawn switch { DateOnly => ValueKind.Date, DateTime => ValueKind.DateTime, DateTimeOffset => ValueKind.DateTimeOffset, _ => (ValueKind?)null };
        if (kind is not { } k) return drawn;
        var from = ScalarConverter.ToDouble(parent, k);
        if (double.IsNaN(from)) return drawn;
        var position = draw * (quantiles.Length - 1);
        var low = (int)Math.Floor(position);
        var offset = low >= quantiles.Length - 1 ? quantiles[^1] : quantiles[low] + ((position - low) * (quantiles[low + 1] - quantiles[low]));
        offset = Math.Round(offset / step) * step;
        return ScalarConverter.FromDouble(from + offset, k, 0, drawn is DateTimeOffset dto ? dto.Offset : TimeSpan.Zero, false);
    }

    /// <summary>The value at a rank (0..rows) of rows sorted by value, each value standing for its rows.</summary>
    private static double At(List<(double Value, long Rows)> sorted, long rows, double rank)
    {
        long seen = 0;
        foreach (var (value, n) in sorted)
        {
            seen += n;
            if (seen >= rank) return value;
        }

        return sorted[^1].Value;
    }

    /// <summary>The largest of a day, a minute, a second (in microseconds) that every offset is a whole number of; 1 for dates.</summary>
    private static double StepOf(IEnumerable<double> offsets, bool dayUnits)
    {
        if (dayUnits) return 1;
        foreach (var step in new[] { MicrosecondsPerDay, 60_000_000d, 1_000_000d })
        {
            if (offsets.All(o => Math.Abs(o / step - Math.Round(o / step)) < 1e-9)) return step;
        }

        return 1;
    }
}
