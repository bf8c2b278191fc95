using Sdv.Connector.Synthesis.Evaluation.Streaming;
using Sdv.Connector.Synthesis.Statistics;

namespace Sdv.Connector.Synthesis.Evaluation.Metrics;

/// <summary>
/// SDMetrics' CorrelationSimilarity with the Pearson coefficient: 1 − |r_real − r_synthetic|/2,
/// computed only where the real correlation is strong enough (|r_real| &gt; threshold).
/// </summary>
internal static class CorrelationSimilarity
{
    /// <summary>
    /// The breakdown. NaN cells are nulls. Errors (reported, score NaN) when any of the four columns
    /// has exactly one distinct non-null value, or a side has fewer than two complete rows.
    /// </summary>
    /// <param name="threshold">Real correlation threshold; 0 disables it.</param>
    public static PairScore Compute(
        IReadOnlyList<double> realX,
        IReadOnlyList<double> realY,
        IReadOnlyList<double> syntheticX,
        IReadOnlyList<double> syntheticY,
        double threshold)
    {
        var constant = IsConstant(realX) || IsConstant(realY) || IsConstant(syntheticX) || IsConstant(syntheticY);
        return Compute(Moments(realX, realY), Moments(syntheticX, syntheticY), constant, threshold);
    }

    /// <summary>The same from each side's co-moments and whether any of the four columns is constant.</summary>
    public static PairScore Compute(Comoments real, Comoments synthetic, bool anyConstant, double threshold)
    {
        if (anyConstant)
        {
            return PairScore.Failed("ConstantInputError: one or both of the input arrays is constant; the correlation is undefined.");
        }

        if (real.Count < 2 || synthetic.Count < 2)
        {
            return PairScore.Failed("ValueError: x and y must have length at least 2.");
        }

        var (rReal, rSynth) = (real.Pearson(), synthetic.Pearson());
        var meets = threshold <= 0 || (!double.IsNaN(rReal) && Math.Abs(rReal) > threshold);
        var score = !meets || double.IsNaN(rReal) || double.IsNaN(rSynth)
            ? double.NaN
            : 1.0 - (Math.Abs(rReal - rSynth) / 2.0);
        return new PairScore(score, rReal, rSynth, double.NaN, meets, null);
    }

    /// <summary>Pearson's r over rows where both values are present; NaN if either is constant there.</summary>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y, out int n)
    {
        var moments = Moments(x, y);
        n = (int)moments.Count;
        return moments.Pearson();
    }

    private static Comoments Moments(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var moments = default(Comoments);
        for (var i = 0; i < x.Count; i++)
        {
            moments.Add(x[i], y[i], 1);
        }

        return moments;
    }

    private static bool IsConstant(IReadOnlyList<double> values)
    {
        var seen = double.NaN;
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                continue;
            }

            if (double.IsNaN(seen))
            {
                seen = v;
            }
            else if (v != seen)
            {
                return false;
            }
        }

        // pandas' nunique() == 1: an all-null column (nunique 0) is not "constant"; it fails later for want of rows.
        return !double.IsNaN(seen);
    }
}
