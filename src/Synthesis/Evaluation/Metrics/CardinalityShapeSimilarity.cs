namespace Sdv.Connector.Synthesis.Evaluation.Metrics;

/// <summary>SDMetrics' CardinalityShapeSimilarity: 1 − KS D between real and synthetic children-per-parent counts (no rounding).</summary>
internal static class CardinalityShapeSimilarity
{
    /// <summary>The score; NaN (an error in SDMetrics) when either parent table is empty.</summary>
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

        Array.Sort(real);
        Array.Sort(synthetic);
        return 1.0 - KsComplement.Statistic(real, synthetic);
    }
}
