using Sdv.Connector.Synthesis.Evaluation.Streaming;

namespace Sdv.Connector.Synthesis.Evaluation.Metrics;

/// <summary>SDMetrics' CardinalityShapeSimilarity: 1 − KS D between real and synthetic children-per-parent counts (no rounding).</summary>
internal static class CardinalityShapeSimilarity
{
    /// <summary>The score from each side's histogram (children → parents); NaN (an error in SDMetrics) when either parent table is empty.</summary>
    public static double Compute(IReadOnlyDictionary<long, long> real, IReadOnlyDictionary<long, long> synthetic)
    {
        var ks = new KsAccumulator(real.Values.Sum(), synthetic.Values.Sum(), round: false);
        foreach (var v in InMemoryMerge.Of(real, synthetic))
        {
            ks.Add((double)v.Order, v.Real, v.Synthetic);
        }

        return 1.0 - ks.Statistic();
    }

    /// <summary>The same from parent keys and foreign keys, one per row.</summary>
    public static double Compute(
        IReadOnlyList<RowKey?> realParentKeys,
        IReadOnlyList<RowKey?> realForeignKeys,
        IReadOnlyList<RowKey?> syntheticParentKeys,
        IReadOnlyList<RowKey?> syntheticForeignKeys) =>
        Compute(ChildCounts.Histogram(realParentKeys, realForeignKeys), ChildCounts.Histogram(syntheticParentKeys, syntheticForeignKeys));
}
