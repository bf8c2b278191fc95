using System.Text.Json.Serialization;
using Sdv.Connector.Synthesis.Copulas;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Joint.Trees;

/// <summary>
/// One dimension's distribution in each leaf of a tree, in flat arrays: leaf l owns entries
/// <c>[Offsets[l], Offsets[l+1])</c>. Categorical: (bucket, count) pairs in <see cref="Keys"/> and
/// <see cref="Values"/>. Continuous: the leaf's <see cref="SmoothedQuantiles"/> points in millionths,
/// the first as is and each next as its difference from the one before (short numbers in the file).
/// A leaf without entries draws u uniformly (the column's own marginal).
/// </summary>
internal sealed class LeafTable
{
    private double[] _points = [];
    private long[] _totals = [];
    private JointDimension? _dimension;

    public int[] Offsets { get; set; } = [0];

    public int[] Keys { get; set; } = [];

    public int[] Values { get; set; } = [];

    [JsonIgnore]
    public int Leaves => Offsets.Length - 1;

    /// <summary>Starts a table; add each leaf in order with <see cref="AddCounts"/> or <see cref="AddPoints"/>.</summary>
    public static Builder Create() => new();

    /// <summary>Checks the table against its dimension and decodes it for drawing.</summary>
    public void Bind(JointDimension dimension, int leaves)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        if (Offsets.Length != leaves + 1 || Offsets[0] != 0 || Offsets[^1] != Values.Length)
        {
            throw new InvalidDataException($"The leaf table of {dimension.Column} does not match its tree's {leaves} leaves; fit the model again.");
        }

        for (var l = 0; l < leaves; l++)
        {
            if (Offsets[l + 1] < Offsets[l]) throw new InvalidDataException($"The leaf table of {dimension.Column} has decreasing offsets; fit the model again.");
        }

        _dimension = dimension;
        if (dimension.Kind == DimensionKind.Categorical)
        {
            if (Keys.Length != Values.Length || Keys.Any(k => k < 0 || k >= dimension.Buckets) || Values.Any(static v => v <= 0))
            {
                throw new InvalidDataException($"The leaf table of {dimension.Column} names buckets it does not have; fit the model again.");
            }

            _totals = new long[leaves];
            for (var l = 0; l < leaves; l++)
            {
                for (var i = Offsets[l]; i < Offsets[l + 1]; i++) _totals[l] += Values[i];
            }

            return;
        }

        _points = new double[Values.Length];
        for (var l = 0; l < leaves; l++)
        {
            long running = 0;
            for (var i = Offsets[l]; i < Offsets[l + 1]; i++)
            {
                running = i == Offsets[l] ? Values[i] : running + Values[i];
                _points[i] = Quantized.ToDouble(running);
            }
        }
    }

    /// <summary>A u drawn from leaf <paramref name="leaf"/>'s distribution.</summary>
    public double Draw(int leaf, Xoshiro256 random)
    {
        var start = Offsets[leaf];
        var end = Offsets[leaf + 1];
        if (_dimension!.Kind == DimensionKind.Categorical)
        {
            if (end == start) return random.NextOpenDouble();
            var pick = random.NextLong(_totals[leaf]);
            var i = start;
            for (; i < end - 1; i++)
            {
                pick -= Values[i];
                if (pick < 0) break;
            }

            return _dimension.InsideBucket(Keys[i], random.NextOpenDouble());
        }

        var u = end - start >= 2 ? SmoothedQuantiles.Draw(_points.AsSpan(start, end - start), random) : random.NextOpenDouble();
        return Math.Clamp(u, NormalScores.Epsilon, 1 - NormalScores.Epsilon);
    }

    /// <summary>
    /// How likely <paramref name="u"/> is in leaf <paramref name="leaf"/>: a bucket's share (smoothed by
    /// half a row per bucket), or the density of the interpolated points at u, floored at 1e-3 so a
    /// leaf is never ruled out by a value between its points. Weighs leaves when a dimension is given.
    /// </summary>
    public double Likelihood(int leaf, double u)
    {
        var start = Offsets[leaf];
        var end = Offsets[leaf + 1];
        if (_dimension!.Kind == DimensionKind.Categorical)
        {
            var buckets = _dimension.Buckets;
            if (end == start) return 1.0 / buckets;
            var bucket = _dimension.BucketOf(u);
            double count = 0;
            for (var i = start; i < end; i++)
            {
                if (Keys[i] == bucket) count = Values[i];
            }

            return (count + 0.5) / (_totals[leaf] + (0.5 * buckets));
        }

        const double floor = 1e-3;
        if (end - start < 2) return 1;
        var points = _points.AsSpan(start, end - start);
        if (u < points[0] || u > points[^1]) return floor;
        var m = points.Length - 2;
        for (var i = 0; i < points.Length - 1; i++)
        {
            if (u > points[i + 1]) continue;
            // Rank mass of the segment: half a knot gap at either end, a whole one between knots.
            var mass = m == 0 ? 1 : (i == 0 || i == points.Length - 2 ? 0.5 : 1.0) / m;
            return floor + (mass / Math.Max(points[i + 1] - points[i], 1e-6));
        }

        return floor;
    }

    /// <summary>The decoded points of a continuous leaf (none for a categorical one; tests and diagnostics).</summary>
    public ReadOnlySpan<double> PointsOf(int leaf) =>
        _dimension?.Kind == DimensionKind.Categorical ? [] : _points.AsSpan(Offsets[leaf], Offsets[leaf + 1] - Offsets[leaf]);

    /// <summary>Collects leaves in order.</summary>
    internal sealed class Builder
    {
        private readonly List<int> _offsets = [0];
        private readonly List<int> _keys = [];
        private readonly List<int> _values = [];

        /// <summary>A categorical leaf: the count of each bucket (zeros are left out).</summary>
        public void AddCounts(ReadOnlySpan<int> countsByBucket)
        {
            for (var b = 0; b < countsByBucket.Length; b++)
            {
                if (countsByBucket[b] <= 0) continue;
                _keys.Add(b);
                _values.Add(countsByBucket[b]);
            }

            _offsets.Add(_values.Count);
        }

        /// <summary>A continuous leaf: its ascending points in millionths (none: a uniform draw).</summary>
        public void AddPoints(ReadOnlySpan<int> points)
        {
            for (var i = 0; i < points.Length; i++) _values.Add(i == 0 ? points[0] : points[i] - points[i - 1]);
            _offsets.Add(_values.Count);
        }

        /// <summary>A leaf that keeps nothing (a table without rows): draws fall back to the marginal.</summary>
        public LeafTable WithEmptyLeaf()
        {
            _offsets.Add(_values.Count);
            return Build();
        }

        public LeafTable Build() => new() { Offsets = [.. _offsets], Keys = [.. _keys], Values = [.. _values] };
    }
}
