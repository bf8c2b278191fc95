namespace Sdv.Connector.Synthesis.Joint;

/// <summary>
/// One dimension of the space a table's joint model works in: every cell of a row is turned into
/// numbers in (0, 1) by its column's marginal (see <see cref="Models.ColumnModel"/>), so the joint
/// models (copula, CART, ARF) see the same thing whatever the column's type.
/// </summary>
/// <param name="Column">The column that owns the dimension.</param>
/// <param name="Kind">Continuous (u = F(x)) or categorical (u inside a bucket's interval).</param>
/// <param name="Upper">Categorical only: the upper ends of the buckets' intervals, ascending, the last 1.0
/// (bucket b holds u in [Upper[b-1], Upper[b]), bucket 0 starts at 0). Empty for continuous.</param>
/// <param name="IsContext">True for a dimension of an appended context column (a parent's column, a child
/// count): always given when sampling, never drawn.</param>
internal sealed record JointDimension(string Column, DimensionKind Kind, double[] Upper, bool IsContext)
{
    /// <summary>Buckets of a categorical dimension; 0 for a continuous one.</summary>
    public int Buckets => Upper.Length;

    /// <summary>The bucket that holds <paramref name="u"/> (categorical dimensions).</summary>
    public int BucketOf(double u)
    {
        var lo = 0;
        var hi = Upper.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Upper[mid] <= u) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>A u drawn uniformly inside bucket <paramref name="bucket"/>'s interval.</summary>
    public double InsideBucket(int bucket, double uniform)
    {
        var lo = bucket == 0 ? 0 : Upper[bucket - 1];
        var hi = Upper[bucket];
        return Math.Clamp(lo + ((hi - lo) * uniform), lo, Math.BitDecrement(hi));
    }
}
