namespace Sdv.Connector.Synthesis.Evaluation.Metrics;

/// <summary>
/// SDMetrics' CardinalityBoundaryAdherence: the share of synthetic parents whose number of
/// children lies within the real [min, max] children per parent (childless parents count 0).
/// </summary>
internal static class CardinalityBoundaryAdherence
{
    public static double Compute(
        IReadOnlyList<RowKey?> realParentKeys,
        IReadOnlyList<RowKey?> realForeignKeys,
        IReadOnlyList<RowKey?> syntheticParentKeys,
        IReadOnlyList<RowKey?> syntheticForeignKeys)
    {
        var real = ChildCounts.PerParent(realParentKeys, realForeignKeys);
        var synthetic = ChildCounts.PerParent(syntheticParentKeys, syntheticForeignKeys);
        if (real.Length == 0 || synthetic.Length == 0)
        {
            return double.NaN;
        }

        var (min, max) = (real.Min(), real.Max());
        return (double)synthetic.Count(c => c >= min && c <= max) / synthetic.Length;
    }
}
