using Sdv.Connector.Synthesis.Evaluation.Streaming;

namespace Sdv.Connector.Synthesis.Evaluation.Metrics;

/// <summary>
/// SDMetrics' KSComplement: 1 − the two-sample Kolmogorov–Smirnov statistic, on values rounded
/// to 14 decimals the numpy way (<c>rint(x·1e14)/1e14</c>, ties to even) after dropping nulls.
/// The evaluation computes it over merged sorted value counts (<see cref="KsAccumulator"/>); this is the same on arrays.
/// </summary>
internal static class KsComplement
{
    /// <summary>The score; NaN (null) values are dropped; NaN when either side has no value left.</summary>
    public static double Compute(IReadOnlyList<double> real, IReadOnlyList<double> synthetic)
    {
        var (values, _, _) = InMemoryMerge.Of(real.Select(v => (object?)v), synthetic.Select(v => (object?)v), v => (double)v);
        var ks = new KsAccumulator(values.Sum(v => v.Real), values.Sum(v => v.Synthetic), round: true);
        foreach (var v in values)
        {
            ks.Add((double)v.Order, v.Real, v.Synthetic);
        }

        return 1.0 - ks.Statistic();
    }
}
