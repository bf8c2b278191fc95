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
        if (IsConstant(realX) || IsConstant(realY) || IsConstant(syntheticX) || IsConstant(syntheticY))
        {
            return PairScore.Failed("ConstantInputError: one or both of the input arrays is constant; the correlation is undefined.");
        }

        var rReal = Pearson(realX, realY, out var nReal);
        var rSynth = Pearson(syntheticX, syntheticY, out var nSynth);
        if (nReal < 2 || nSynth < 2)
        {
            return PairScore.Failed("ValueError: x and y must have length at least 2.");
        }

        var meets = threshold <= 0 || (!double.IsNaN(rReal) && Math.Abs(rReal) > threshold);
        var score = !meets || double.IsNaN(rReal) || double.IsNaN(rSynth)
            ? double.NaN
            : 1.0 - (Math.Abs(rReal - rSynth) / 2.0);
        return new PairScore(score, rReal, rSynth, double.NaN, meets, null);
    }

    /// <summary>Pearson's r over rows where both values are present (two-pass, centred); NaN if either is constant there.</summary>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y, out int n)
    {
        double sumX = 0, sumY = 0;
        n = 0;
        for (var i = 0; i < x.Count; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
            {
                sumX += x[i];
                sumY += y[i];
                n++;
            }
        }

        if (n < 2)
        {
            return double.NaN;
        }

        double meanX = sumX / n, meanY = sumY / n, sxx = 0, syy = 0, sxy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
            {
                var dx = x[i] - meanX;
                var dy = y[i] - meanY;
                sxx += dx * dx;
                syy += dy * dy;
                sxy += dx * dy;
            }
        }

        if (sxx == 0 || syy == 0)
        {
            return double.NaN;
        }

        return Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1.0, 1.0);
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
