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
        return (QuantilesOf(offsets, rows, k), StepOf(offsets.Select(static o => o.Value), dayUnits));
    }

    /// <summary>
    /// Where the child's date is on or after its parent's in every source row that has both (a visit after the patient
    /// registered, however long after), but does not follow it closely (<see cref="Learn"/> says null): the quantiles of
    /// the offsets, which the sampler uses only for a drawn date that falls before its synthetic parent's. Drawn given
    /// the parent's columns, a twentieth of the demo's visits still came before their patient registered. Null where a
    /// row has the child first, or where there are too few rows to say. The ceiling is the k-th largest child value: a
    /// date moved after its parent's stays at or below it, so a parent drawn late does not put its child in the future.
    /// </summary>
    public static (double[] Quantiles, double Step, double Ceiling)? LearnFloor(IReadOnlyList<(double Child, double Parent, long Rows)> pairs, int rareK, bool dayUnits)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var rows = pairs.Sum(static p => p.Rows);
        var k = Math.Max(rareK, 2);
        if (rows < Math.Max(MinRows, 2 * k) || pairs.Any(static p => p.Rows > 0 && p.Child < p.Parent)) return null;
        var offsets = pairs.Select(static p => (Value: p.Child - p.Parent, p.Rows)).OrderBy(static p => p.Value).ToList();
        var children = pairs.Select(static p => (Value: p.Child, p.Rows)).OrderBy(static p => p.Value).ToList();
        return (QuantilesOf(offsets, rows, k), StepOf(offsets.Select(static o => o.Value), dayUnits), At(children, rows, rows - k));
    }

    /// <summary>
    /// Whether a drawn date comes before its parent's: both of one kind, or a date before the day of a timestamp; false
    /// where either is missing or they cannot be compared.
    /// </summary>
    public static bool Precedes(object? child, object? parent)
    {
        if (child is DateOnly day && parent is DateTime time) parent = DateOnly.FromDateTime(time);
        return child is IComparable comparable && parent is not null && child.GetType() == parent.GetType() && comparable.CompareTo(parent) < 0;
    }

    /// <summary><see cref="Quantiles"/> equally spaced quantiles of the sorted offsets, the ends the k-th smallest and largest.</summary>
    private static double[] QuantilesOf(List<(double Value, long Rows)> offsets, long rows, int k)
    {
        var quantiles = new double[Quantiles];
        for (var i = 0; i < Quantiles; i++)
        {
            // The ends are the k-th smallest and largest offsets: one row's own offset is never kept.
            var rank = Math.Clamp(i / (double)(Quantiles - 1) * rows, k, rows - k);
            quantiles[i] = At(offsets, rows, rank);
        }

        return quantiles;
    }

    /// <summary>
    /// The parent's date plus an offset at <paramref name="draw"/> of the quantiles, in steps; the row's own value where either
    /// is missing. With a <paramref name="ceiling"/> (in the offsets' units; NaN for none) the draw is taken within the
    /// offsets that keep the date at or below it (the smallest offset where none does).
    /// </summary>
    public static object? Derive(object? parent, double[] quantiles, double step, object? drawn, double draw, double ceiling = double.NaN)
    {
        ArgumentNullException.ThrowIfNull(quantiles);
        if (parent is null || drawn is null) return drawn;
        var kind = drawn switch { DateOnly => ValueKind.Date, DateTime => ValueKind.DateTime, DateTimeOffset => ValueKind.DateTimeOffset, _ => (ValueKind?)null };
        if (kind is not { } k) return drawn;
        var from = ScalarConverter.ToDouble(parent, k);
        if (double.IsNaN(from)) return drawn;
        var position = draw * PositionOf(quantiles, ceiling - from);
        var low = (int)Math.Floor(position);
        var offset = low >= quantiles.Length - 1 ? quantiles[^1] : quantiles[low] + ((position - low) * (quantiles[low + 1] - quantiles[low]));
        offset = Math.Round(offset / step) * step;
        return ScalarConverter.FromDouble(from + offset, k, 0, drawn is DateTimeOffset dto ? dto.Offset : TimeSpan.Zero, false);
    }

    /// <summary>
    /// Where <paramref name="limit"/> falls among the quantiles, as a position from 0 to their last index (interpolated
    /// within a step); the last index where the limit is above them all or not a number, 0 where it is below them all.
    /// </summary>
    private static double PositionOf(double[] quantiles, double limit)
    {
        var last = quantiles.Length - 1;
        if (double.IsNaN(limit) || limit >= quantiles[last]) return last;
        if (limit <= quantiles[0]) return 0;
        var l = 0;
        while (quantiles[l + 1] <= limit) l++;
        return l + ((limit - quantiles[l]) / (quantiles[l + 1] - quantiles[l]));
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
