using Sdv.Connector.Synthesis.Evaluation.Streaming;

namespace Sdv.Connector.Synthesis.Evaluation.Metrics;

/// <summary>
/// SDMetrics' TVComplement: 1 − ½·Σ|p_s − p_r| over categories, nulls dropped. A category seen
/// only in synthetic data gets a real count of 1e-6, which also raises the real total.
/// The evaluation computes it over merged value counts (<see cref="TvAccumulator"/>); this is the same on lists.
/// </summary>
internal static class TvComplement
{
    /// <summary>The score on category keys (<see cref="CellValues.Key"/>); NaN when either side has no value.</summary>
    public static double Compute(IReadOnlyList<object> real, IReadOnlyList<object> synthetic)
    {
        var (values, _, _) = InMemoryMerge.Of(real, synthetic, CellValues.Key);
        var tv = new TvAccumulator(values.Sum(v => v.Real), values.Sum(v => v.Synthetic));
        foreach (var v in values)
        {
            tv.Add(v.Real, v.Synthetic);
        }

        return tv.Score();
    }
}
