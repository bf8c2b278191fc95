namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// A child column that equals a column of its parent in (nearly) every source row: an invoice line's
/// unit price is its track's, an invoice's billing country its customer's. The sampler copies the
/// synthetic parent's value, so the equality holds in the clone too. A continuous column may equal its
/// parent's in part of the rows only (<see cref="IsPartial"/>): the sampler then makes it equal in that share.
/// </summary>
/// <param name="ForeignKey">The relationship (<see cref="TableEntry.KeyOf"/>).</param>
/// <param name="ChildColumn">The child's column.</param>
/// <param name="ParentColumn">The parent's column it equals.</param>
/// <param name="Share">Share of the child's non-null values that equal the parent's.</param>
public sealed record ColumnEquality(string ForeignKey, string ChildColumn, string ParentColumn, double Share)
{
    /// <summary>Below this share the equality holds in part of the rows only; at or above it, in every row.</summary>
    public const double WholeShare = 0.99;

    /// <summary>True when the child equals the parent in part of the rows only (a price before a rise is not the product's price now).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsPartial => Share < WholeShare;

    /// <summary>
    /// For a partial equality of numbers: the multiples of the parent's value the unequal rows take (a price 0.8 times the
    /// product's), or null where none is common (<see cref="ValueRatios"/>).
    /// </summary>
    public IReadOnlyList<ValueRatio>? Ratios { get; init; }

    /// <summary>
    /// For a partial equality of categories: the parent's value is copied only where it is one of the child column's kept
    /// categories. A customer's region that was rare, and so written anew, is no region the orders have; the order keeps
    /// a region of its own (of its country, which it was drawn given) rather than one the source's orders never name.
    /// </summary>
    public bool KeptCategoriesOnly { get; init; }

    /// <summary>Share of the unequal rows whose value is one of <see cref="Ratios"/> times the parent's.</summary>
    public double RatioShare { get; init; }

    /// <summary>Decimals the child's values are written with, for a value derived by a ratio.</summary>
    public int RatioDecimals { get; init; }

    /// <summary>
    /// For dates: quantiles (equally spaced, in the kind's units: days, or microseconds for timestamps) of the child's value
    /// less its parent's, where the child's date follows its parent's closely (a prescription starts 0-2 days after its
    /// visit); null otherwise (<see cref="ValueOffsets"/>).
    /// </summary>
    public double[]? Offsets { get; init; }

    /// <summary>The step a derived date moves by (a day, a minute, a second, in the kind's units).</summary>
    public double OffsetStep { get; init; } = 1;

    /// <summary>
    /// True where the child's date is never before its parent's in the source but may follow it by any time
    /// (<see cref="ValueOffsets.LearnFloor"/>): the row keeps the date it drew unless that falls before the synthetic
    /// parent's, and then takes the parent's date plus an offset drawn from <see cref="Offsets"/>.
    /// </summary>
    public bool FloorOnly { get; init; }

    /// <summary>
    /// With <see cref="FloorOnly"/>: the k-th largest of the child's values in the source, in the offsets' units; a date moved
    /// after its parent's stays at or below it. Null where there is none.
    /// </summary>
    public double? Ceiling { get; init; }

    /// <summary>
    /// A value outside the equality's share: the synthetic parent's date plus a learned offset; in the share of such rows
    /// the source has at a common multiple of the parent's value, that multiple of the synthetic parent's; otherwise the
    /// value the row drew.
    /// </summary>
    internal object? Unequal(object? parentValue, object? drawn, Sampling.Xoshiro256 random)
    {
        if (Offsets is { Length: > 1 } offsets)
        {
            // One draw whether or not it is used, so the rows after a kept date draw what they would have.
            var draw = random.NextDouble();
            if (!FloorOnly) return ValueOffsets.Derive(parentValue, offsets, OffsetStep, drawn, draw);
            return ValueOffsets.Precedes(drawn, parentValue) ? ValueOffsets.Derive(parentValue, offsets, OffsetStep, drawn, draw, Ceiling ?? double.NaN) : drawn;
        }
        if (Ratios is not { Count: > 0 } ratios || drawn is null || !(random.NextDouble() < RatioShare)) return drawn;
        return ValueRatios.Derive(parentValue, ratios, RatioDecimals, drawn, random.NextDouble());
    }
}
