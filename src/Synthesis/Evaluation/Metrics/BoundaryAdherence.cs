using Sdv.Connector.Synthesis.Evaluation.Streaming;

namespace Sdv.Connector.Synthesis.Evaluation.Metrics;

/// <summary>
/// SDMetrics' BoundaryAdherence: the share of synthetic values within the real [min, max]. The evaluation computes
/// it over merged sorted value counts (<see cref="BoundaryAccumulator"/>); these are the same on lists.
/// </summary>
internal static class BoundaryAdherence
{
    /// <summary>
    /// On numbers (NaN is null). If the real column has a null, nulls are dropped from both sides;
    /// otherwise synthetic nulls stay and count as out of range. NaN when either side is empty.
    /// </summary>
    public static double Compute(IReadOnlyList<double> real, IReadOnlyList<double> synthetic) =>
        Run(real.Select(v => (object?)v), synthetic.Select(v => (object?)v), v => (double)v);

    /// <summary>
    /// The same on strings compared by code point: SDMetrics falls back to this for a datetime column
    /// whose values could not be parsed.
    /// </summary>
    public static double ComputeOrdinal(IReadOnlyList<string?> real, IReadOnlyList<string?> synthetic) =>
        Run(real, synthetic, v => v);

    private static double Run(IEnumerable<object?> real, IEnumerable<object?> synthetic, Func<object, object> order)
    {
        var (values, realNulls, syntheticNulls) = InMemoryMerge.Of(real, synthetic, order);
        var boundary = new BoundaryAccumulator();
        foreach (var v in values)
        {
            boundary.Add(v.Real, v.Synthetic);
        }

        return boundary.Score(realNulls, syntheticNulls);
    }
}
