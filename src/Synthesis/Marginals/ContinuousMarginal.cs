namespace Sdv.Connector.Synthesis.Marginals;

/// <summary>
/// The distribution of a column's non-null values on the real line: either the exact discrete
/// distribution (few distinct values) or a quantile grid with linear interpolation between points.
/// Serialized into the model file.
/// </summary>
internal sealed class ContinuousMarginal
{
    /// <summary>Discrete: the distinct values, ascending. Grid: the quantiles at i/(n-1).</summary>
    public double[] Values { get; set; } = [];

    /// <summary>Discrete only: cumulative probability up to and including each value; null for a grid.</summary>
    public double[]? Cumulative { get; set; }

    public bool IsDiscrete => Cumulative is not null;

    public double Min => Values.Length == 0 ? 0 : Values[0];

    public double Max => Values.Length == 0 ? 0 : Values[^1];

    public static ContinuousMarginal Discrete(IEnumerable<KeyValuePair<double, long>> counts)
    {
        var sorted = counts.OrderBy(static p => p.Key).ToArray();
        double total = sorted.Sum(static p => (double)p.Value);
        var values = new double[sorted.Length];
        var cumulative = new double[sorted.Length];
        double running = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            values[i] = sorted[i].Key;
            running += sorted[i].Value;
            cumulative[i] = running / total;
        }

        if (cumulative.Length > 0)
        {
            cumulative[^1] = 1.0;
        }

        return new ContinuousMarginal { Values = values, Cumulative = cumulative };
    }

    public static ContinuousMarginal Grid(double[] quantiles, double exactMin, double exactMax)
    {
        // The sketch's extremes are approximate; the exact ones are known from the pass.
        quantiles[0] = exactMin;
        quantiles[^1] = exactMax;
        for (var i = 1; i < quantiles.Length; i++)
        {
            quantiles[i] = Math.Clamp(Math.Max(quantiles[i], quantiles[i - 1]), exactMin, exactMax);
        }

        return new ContinuousMarginal { Values = quantiles };
    }

    /// <summary>The value at probability <paramref name="u"/> in [0, 1].</summary>
    public double InverseCdf(double u)
    {
        var values = Values;
        if (Cumulative is { } cumulative)
        {
            var lo = 0;
            var hi = cumulative.Length - 1;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (cumulative[mid] < u)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return values[lo];
        }

        var pos = u * (values.Length - 1);
        var i = (int)pos;
        if (i >= values.Length - 1)
        {
            return values[^1];
        }

        if (i < 0)
        {
            return values[0];
        }

        return values[i] + ((pos - i) * (values[i + 1] - values[i]));
    }

    /// <summary>
    /// The probability interval a value occupies: a point for a continuous value, the jump of the
    /// distribution for a value with mass (ties), so that normal scores can be jittered inside it.
    /// </summary>
    public (double Lo, double Hi) CdfInterval(double x)
    {
        var values = Values;
        if (values.Length == 0)
        {
            return (0, 1);
        }

        if (Cumulative is { } cumulative)
        {
            var index = Array.BinarySearch(values, x);
            if (index >= 0)
            {
                return (index == 0 ? 0 : cumulative[index - 1], cumulative[index]);
            }

            var insert = ~index;
            var p = insert == 0 ? 0 : cumulative[insert - 1];
            return (p, p);
        }

        var n = values.Length - 1;
        var first = LowerBound(values, x);
        if (first > n)
        {
            return (1, 1);
        }

        if (values[first] == x)
        {
            var last = UpperBound(values, x) - 1;
            return (first / (double)n, last / (double)n);
        }

        if (first == 0)
        {
            return (0, 0);
        }

        var below = first - 1;
        var f = (below + ((x - values[below]) / (values[first] - values[below]))) / n;
        return (f, f);
    }

    private static int LowerBound(double[] a, double x)
    {
        int lo = 0, hi = a.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (a[mid] < x)
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

    private static int UpperBound(double[] a, double x)
    {
        int lo = 0, hi = a.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (a[mid] <= x)
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
}
