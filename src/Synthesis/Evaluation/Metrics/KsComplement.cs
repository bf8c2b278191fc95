namespace Sdv.Connector.Synthesis.Evaluation.Metrics;

/// <summary>
/// SDMetrics' KSComplement: 1 − the two-sample Kolmogorov–Smirnov statistic, on values rounded
/// to 14 decimals the numpy way (<c>rint(x·1e14)/1e14</c>, ties to even) after dropping nulls.
/// </summary>
internal static class KsComplement
{
    /// <summary>The score; NaN (null) values are dropped; NaN when either side has no value left.</summary>
    public static double Compute(IReadOnlyList<double> real, IReadOnlyList<double> synthetic)
    {
        var r = RoundedSorted(real);
        var s = RoundedSorted(synthetic);
        if (r.Length == 0 || s.Length == 0)
        {
            return double.NaN;
        }

        return 1.0 - Statistic(r, s);
    }

    /// <summary>
    /// D = max over pooled values v of |F_a(v) − F_b(v)|, F(v) = #(≤ v)/n, on sorted inputs
    /// (scipy's ks_2samp statistic). Used without rounding by CardinalityShapeSimilarity.
    /// </summary>
    public static double Statistic(double[] sortedA, double[] sortedB)
    {
        int i = 0, j = 0;
        var d = 0.0;
        while (i < sortedA.Length || j < sortedB.Length)
        {
            var v = i < sortedA.Length && (j >= sortedB.Length || sortedA[i] <= sortedB[j]) ? sortedA[i] : sortedB[j];
            while (i < sortedA.Length && sortedA[i] <= v)
            {
                i++;
            }

            while (j < sortedB.Length && sortedB[j] <= v)
            {
                j++;
            }

            d = Math.Max(d, Math.Abs(((double)i / sortedA.Length) - ((double)j / sortedB.Length)));
        }

        return d;
    }

    private static double[] RoundedSorted(IReadOnlyList<double> values)
    {
        var kept = new List<double>(values.Count);
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                kept.Add(Math.Round(v * 1e14, MidpointRounding.ToEven) / 1e14);
            }
        }

        var array = kept.ToArray();
        Array.Sort(array);
        return array;
    }
}
