using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Joint.Trees;

/// <summary>
/// A leaf's distribution of a continuous u, kept without any row's value: the sorted values are cut
/// into m groups of at least k neighbours, each group kept as its mean (knots at ranks (i + ½)/m), and
/// two end points extrapolated half a knot gap beyond the first and last mean (for one group: the mean
/// ± √3 standard deviations, a uniform of the same mean and spread), clamped to the leaf's bounds.
/// A draw picks a rank uniformly and interpolates linearly between the points, so every draw falls
/// between stored points and no value is copied.
/// </summary>
internal static class SmoothedQuantiles
{
    /// <summary>The points (m + 2, ascending, in millionths) for <paramref name="sorted"/> values, or none when fewer than k.</summary>
    public static int[] Points(ReadOnlySpan<double> sorted, int k, int maxGroups, double lo, double hi)
    {
        var n = sorted.Length;
        k = Math.Max(1, k);
        if (n < k) return [];
        var m = Math.Clamp(n / k, 1, Math.Max(1, maxGroups));
        var means = new double[m];
        double sum = 0, sumSq = 0;
        for (var g = 0; g < m; g++)
        {
            var start = (int)((long)g * n / m);
            var end = (int)((long)(g + 1) * n / m);
            double s = 0;
            for (var i = start; i < end; i++)
            {
                s += sorted[i];
                sumSq += sorted[i] * sorted[i];
            }

            sum += s;
            means[g] = s / (end - start);
        }

        double first, last;
        if (m == 1)
        {
            var mean = sum / n;
            var spread = Math.Sqrt(Math.Max(0, (sumSq / n) - (mean * mean))) * Math.Sqrt(3);
            first = mean - spread;
            last = mean + spread;
        }
        else
        {
            first = means[0] - ((means[1] - means[0]) / 2);
            last = means[m - 1] + ((means[m - 1] - means[m - 2]) / 2);
        }

        var points = new int[m + 2];
        var min = Quantized.ToInt(lo);
        var max = Quantized.ToInt(hi);
        points[0] = Math.Clamp(Quantized.ToInt(first), min, max);
        for (var g = 0; g < m; g++) points[g + 1] = Math.Clamp(Quantized.ToInt(means[g]), min, max);
        points[m + 1] = Math.Clamp(Quantized.ToInt(last), min, max);
        // Clamping keeps the order; rounding of equal neighbours cannot break it.
        for (var i = 1; i < points.Length; i++) points[i] = Math.Max(points[i], points[i - 1]);
        return points;
    }

    /// <summary>A draw from points (as doubles): two points are a uniform between them.</summary>
    public static double Draw(ReadOnlySpan<double> points, Xoshiro256 random)
    {
        var q = random.NextDouble();
        if (points.Length == 2) return points[0] + ((points[1] - points[0]) * q);
        var m = points.Length - 2;
        var x = q * m;
        if (x < 0.5) return points[0] + ((points[1] - points[0]) * (x / 0.5));
        if (x >= m - 0.5) return points[m] + ((points[m + 1] - points[m]) * ((x - (m - 0.5)) / 0.5));
        var j = (int)(x - 0.5);
        var t = x - 0.5 - j;
        return points[j + 1] + ((points[j + 2] - points[j + 1]) * t);
    }
}
