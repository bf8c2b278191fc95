namespace Sdv.Connector.Synthesis.Marginals;

/// <summary>
/// The distribution of a column's non-null values on the real line, as a piecewise-linear CDF over
/// knots: between two knots with different x the CDF rises linearly (values are interpolated, never
/// one of the knots but by chance), and two knots with the same x are a jump, an atom of probability
/// that value carries. Built by <see cref="PrivateMarginal"/> so that no knot is a value seen fewer
/// than k times: atoms are values seen at least k times, other knots are means of at least k values.
/// Serialized into the model file.
/// </summary>
internal sealed class ContinuousMarginal
{
    /// <summary>Knot positions, ascending; an atom appears twice in a row.</summary>
    public double[] X { get; set; } = [];

    /// <summary>Cumulative probability at each knot, non-decreasing from 0 to 1.</summary>
    public double[] P { get; set; } = [];

    public double Min => X.Length == 0 ? 0 : X[0];

    public double Max => X.Length == 0 ? 0 : X[^1];

    /// <summary>One value with all the mass (a constant column, or too few values to say more).</summary>
    public static ContinuousMarginal Point(double x) => new() { X = [x, x], P = [0, 1] };

    /// <summary>The value at probability <paramref name="u"/> in [0, 1].</summary>
    public double InverseCdf(double u)
    {
        var x = X;
        var p = P;
        if (x.Length == 0) return 0;
        if (!(u > p[0])) return x[0];
        if (u >= 1) return x[^1];
        // The last knot whose probability is at most u, then the segment after it.
        int lo = 0, hi = p.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (p[mid] <= u) lo = mid;
            else hi = mid - 1;
        }

        if (lo >= x.Length - 1) return x[^1];
        var span = p[lo + 1] - p[lo];
        if (span <= 0 || x[lo + 1] == x[lo]) return x[lo + 1];
        return x[lo] + ((u - p[lo]) / span * (x[lo + 1] - x[lo]));
    }

    /// <summary>
    /// The probability interval a value occupies: the jump of an atom, or the single probability the
    /// CDF gives a value between knots, so that scores can be jittered inside it. A value below the first
    /// knot or above the last (a tail the knots do not reach, since they end at means of the extremes)
    /// takes the first or last segment, not the very end: at exactly 0 or 1 its normal score would be an
    /// outlier that drags every correlation it enters.
    /// </summary>
    public (double Lo, double Hi) CdfInterval(double value)
    {
        var x = X;
        var p = P;
        if (x.Length == 0) return (0, 1);
        if (value < x[0]) return (0, x.Length > 1 ? p[1] : 1);
        if (value > x[^1]) return (x.Length > 1 ? p[^2] : 0, 1);
        var first = LowerBound(x, value);
        if (first < x.Length && x[first] == value)
        {
            var last = UpperBound(x, value) - 1;
            return (p[first], p[last]);
        }

        var below = first - 1;
        var f = p[below] + ((value - x[below]) / (x[first] - x[below]) * (p[first] - p[below]));
        return (f, f);
    }

    private static int LowerBound(double[] a, double x)
    {
        int lo = 0, hi = a.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (a[mid] < x) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }

    private static int UpperBound(double[] a, double x)
    {
        int lo = 0, hi = a.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (a[mid] <= x) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }
}
