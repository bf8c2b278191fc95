namespace Sdv.Connector.Synthesis.Evaluation.Metrics;

/// <summary>
/// The binning SDMetrics' pair trends use for a continuous column beside a discrete one:
/// numpy's <c>histogram_bin_edges</c> (10 bins, 11 edges) over the column's own non-null values,
/// then <c>digitize</c>. Real and synthetic columns are binned on their own edges.
/// </summary>
internal static class Discretizer
{
    public const int Bins = 10;

    /// <summary>11 edges <c>min + i·(max − min)/10</c>, the last exactly max; ±0.5 around a single value; 0..1 when there is no value.</summary>
    public static double[] Edges(IReadOnlyList<double> values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        return Edges(double.IsPositiveInfinity(min) ? double.NaN : min, double.IsNegativeInfinity(max) ? double.NaN : max);
    }

    /// <summary>The same edges from a column's smallest and largest value (NaN when it has none).</summary>
    public static double[] Edges(double min, double max)
    {
        if (double.IsNaN(min) || double.IsNaN(max))
        {
            (min, max) = (0.0, 1.0);
        }
        else if (min == max)
        {
            (min, max) = (min - 0.5, max + 0.5);
        }

        var edges = new double[Bins + 1];
        var step = (max - min) / Bins;
        for (var i = 0; i < Bins; i++)
        {
            edges[i] = (i * step) + min;
        }

        edges[Bins] = max;
        return edges;
    }

    /// <summary>numpy <c>digitize</c> (right=False): the number of edges ≤ x, so x == max gives 11; null (NaN) gives 11 as well.</summary>
    public static int Digitize(double x, double[] edges)
    {
        if (double.IsNaN(x))
        {
            return edges.Length;
        }

        int lo = 0, hi = edges.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (edges[mid] <= x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Bin labels of a whole column on its own edges.</summary>
    public static int[] Bin(IReadOnlyList<double> values)
    {
        var edges = Edges(values);
        var labels = new int[values.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = Digitize(values[i], edges);
        }

        return labels;
    }
}
