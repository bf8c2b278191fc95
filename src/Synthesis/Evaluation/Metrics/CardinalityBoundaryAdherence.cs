namespace Sdv.Connector.Synthesis.Evaluation.Metrics;

/// <summary>
/// SDMetrics' CardinalityBoundaryAdherence: the share of synthetic parents whose number of
/// children lies within the real [min, max] children per parent (childless parents count 0).
/// </summary>
internal static class CardinalityBoundaryAdherence
{
    /// <summary>The score from each side's histogram (children → parents); NaN when either side has no parent.</summary>
    public static double Compute(IReadOnlyDictionary<long, long> real, IReadOnlyDictionary<long, long> synthetic)
    {
        var parents = synthetic.Values.Sum();
        var present = real.Where(x => x.Value > 0).Select(x => x.Key).ToList();
        if (present.Count == 0 || parents == 0)
        {
            return double.NaN;
        }

        var (min, max) = (present.Min(), present.Max());
        return (double)synthetic.Where(x => x.Key >= min && x.Key <= max).Sum(x => x.Value) / parents;
    }

    public static double Compute(
        IReadOnlyList<RowKey?> realParentKeys,
        IReadOnlyList<RowKey?> realForeignKeys,
        IReadOnlyList<RowKey?> syntheticParentKeys,
        IReadOnlyList<RowKey?> syntheticForeignKeys) =>
        Compute(ChildCounts.Histogram(realParentKeys, realForeignKeys), ChildCounts.Histogram(syntheticParentKeys, syntheticForeignKeys));
}
