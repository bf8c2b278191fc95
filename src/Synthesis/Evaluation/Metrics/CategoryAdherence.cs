using Sdv.Connector.Synthesis.Evaluation.Streaming;

namespace Sdv.Connector.Synthesis.Evaluation.Metrics;

/// <summary>SDMetrics' CategoryAdherence: the share of synthetic values (null included) found among the real values; null matches null.</summary>
internal static class CategoryAdherence
{
    /// <summary>The score on category keys (<see cref="CellValues.Key"/>); NaN when there is no synthetic value.</summary>
    public static double Compute(IReadOnlyList<object> real, IReadOnlyList<object> synthetic)
    {
        var (values, realNulls, syntheticNulls) = InMemoryMerge.Of(real, synthetic, CellValues.Key);
        var categories = new CategoryAccumulator(1);
        foreach (var v in values)
        {
            categories.Add(v.Real, v.Synthetic);
        }

        return categories.Adherence(realNulls, syntheticNulls);
    }
}
