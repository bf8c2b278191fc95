using Sdv.Connector.Synthesis.Copulas;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Joint;

/// <summary>
/// Scores a fitted joint model against rows it did not see, the way SDMetrics' quality report scores a
/// table: column shapes (KS complement of a continuous value, TV complement of a categorical's buckets)
/// and column pair trends (1 − |Δ Pearson| / 2 for two continuous values, contingency similarity with
/// 10 equal-width bins of the real values' range otherwise), averaged. Continuous dimensions are
/// compared as the values they decode to when a decoder is given (else as u). As many rows are
/// drawn as are held out, each with its held-out row's given context (a parent's columns) fixed; a
/// table's child counts are drawn and scored like its columns (the clone's cardinality depends on
/// them). Pairs of two given context dimensions and a value with its own null indicator are not scored.
/// </summary>
internal static class HeldOutScore
{
    /// <summary>Most pairs scored; a wider table's pairs are a seeded sample of them.</summary>
    public const int MaxPairs = 600;

    private const int ContinuousBins = 10;

    public static CandidateScore Score(string label, JointModel model, TreeSpace heldOut, Func<double[], int, double>? valueOf, Xoshiro256 random)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(heldOut);
        ArgumentNullException.ThrowIfNull(random);
        var dimensions = heldOut.Dimensions;
        var d = dimensions.Count;
        var state = model.CreateState();
        var isFixed = new bool[d];
        var synthetic = new double[heldOut.Rows.Length][];
        for (var r = 0; r < synthetic.Length; r++)
        {
            var u = new double[d];
            for (var i = 0; i < d; i++)
            {
                isFixed[i] = dimensions[i].IsContext && !double.IsNaN(heldOut.Rows[r][i]);
                u[i] = isFixed[i] ? heldOut.Rows[r][i] : double.NaN;
            }

            model.Sample(u, isFixed, random, state);
            // The value of a cell drawn NULL is missing, as in the real rows.
            for (var i = 0; i < d; i++)
            {
                var indicator = heldOut.NullOf[i];
                if (indicator >= 0 && dimensions[indicator].BucketOf(u[indicator]) == 0) u[i] = double.NaN;
            }

            synthetic[r] = u;
        }

        return Compare(label, heldOut, synthetic, valueOf, random);
    }

    /// <summary>Shapes, trends and their mean for <paramref name="synthetic"/> rows against <paramref name="heldOut"/>'s.</summary>
    public static CandidateScore Compare(string label, TreeSpace heldOut, double[][] synthetic, Func<double[], int, double>? valueOf, Xoshiro256 random)
    {
        ArgumentNullException.ThrowIfNull(heldOut);
        ArgumentNullException.ThrowIfNull(synthetic);
        ArgumentNullException.ThrowIfNull(random);
        var dimensions = heldOut.Dimensions;
        var real = new Scored(dimensions, heldOut.Rows, valueOf, null);
        var fake = new Scored(dimensions, synthetic, valueOf, real);
        var shapes = new List<double>();
        for (var i = 0; i < dimensions.Count; i++)
        {
            if (dimensions[i].IsContext) continue;
            var score = dimensions[i].Kind == DimensionKind.Continuous ? KsComplement(real.Rows, fake.Rows, i) : Contingency(real, fake, i, -1);
            if (!double.IsNaN(score)) shapes.Add(score);
        }

        var pairs = new List<(int, int)>();
        for (var a = 0; a < dimensions.Count; a++)
        {
            for (var b = a + 1; b < dimensions.Count; b++)
            {
                if ((dimensions[a].IsContext && dimensions[b].IsContext) || heldOut.NullOf[a] == b || heldOut.NullOf[b] == a) continue;
                pairs.Add((a, b));
            }
        }

        if (pairs.Count > MaxPairs)
        {
            for (var i = 0; i < MaxPairs; i++)
            {
                var j = i + random.NextInt(pairs.Count - i);
                (pairs[i], pairs[j]) = (pairs[j], pairs[i]);
            }

            pairs.RemoveRange(MaxPairs, pairs.Count - MaxPairs);
        }

        var trends = new List<double>();
        foreach (var (a, b) in pairs)
        {
            var score = dimensions[a].Kind == DimensionKind.Continuous && dimensions[b].Kind == DimensionKind.Continuous
                ? CorrelationSimilarity(real.Rows, fake.Rows, a, b)
                : Contingency(real, fake, a, b);
            if (!double.IsNaN(score)) trends.Add(score);
        }

        var shape = shapes.Count == 0 ? 1 : shapes.Average();
        var trend = trends.Count == 0 ? double.NaN : trends.Average();
        var quality = double.IsNaN(trend) ? shape : (shape + trend) / 2;
        return new CandidateScore(label, Math.Round(shape, 4), Math.Round(double.IsNaN(trend) ? shape : trend, 4), Math.Round(quality, 4));
    }

    private static double KsComplement(double[][] real, double[][] synthetic, int dim)
    {
        var a = Values(real, dim);
        var b = Values(synthetic, dim);
        if (a.Length == 0 && b.Length == 0) return double.NaN;
        if (a.Length == 0 || b.Length == 0) return 0;
        int i = 0, j = 0;
        double gap = 0;
        while (i < a.Length && j < b.Length)
        {
            var x = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] <= x) i++;
            while (j < b.Length && b[j] <= x) j++;
            gap = Math.Max(gap, Math.Abs((i / (double)a.Length) - (j / (double)b.Length)));
        }

        return 1 - gap;
    }

    private static double[] Values(double[][] rows, int dim)
    {
        var values = new List<double>(rows.Length);
        foreach (var row in rows)
        {
            if (!double.IsNaN(row[dim])) values.Add(row[dim]);
        }

        values.Sort();
        return [.. values];
    }

    private static double CorrelationSimilarity(double[][] real, double[][] synthetic, int a, int b)
    {
        var r = PairwisePearson.Of(real, a, b);
        if (double.IsNaN(r)) return double.NaN;
        var s = PairwisePearson.Of(synthetic, a, b);
        return 1 - (Math.Abs(r - (double.IsNaN(s) ? 0 : s)) / 2);
    }

    /// <summary>1 − total variation distance of the (pair of) discretised dimensions; <paramref name="b"/> -1 scores one dimension.</summary>
    private static double Contingency(Scored real, Scored synthetic, int a, int b)
    {
        if (real.Rows.Length == 0 || synthetic.Rows.Length == 0) return double.NaN;
        var width = b < 0 ? 1 : real.Cells(b);
        var p = Frequencies(real, a, b, width);
        var q = Frequencies(synthetic, a, b, width);
        double distance = 0;
        foreach (var (cell, share) in p) distance += Math.Abs(share - q.GetValueOrDefault(cell));
        foreach (var (cell, share) in q)
        {
            if (!p.ContainsKey(cell)) distance += share;
        }

        return 1 - (distance / 2);
    }

    private static Dictionary<long, double> Frequencies(Scored rows, int a, int b, int width)
    {
        var counts = new Dictionary<long, double>();
        foreach (var row in rows.Rows)
        {
            long cell = rows.Cell(row, a);
            if (b >= 0) cell = (cell * width) + rows.Cell(row, b);
            counts[cell] = counts.GetValueOrDefault(cell) + 1;
        }

        foreach (var key in counts.Keys.ToList()) counts[key] /= rows.Rows.Length;
        return counts;
    }

    /// <summary>Rows as scored: continuous dimensions as values, binned on the real rows' range; categorical ones by bucket.</summary>
    private sealed class Scored
    {
        private readonly IReadOnlyList<JointDimension> _dimensions;
        private readonly double[] _min;
        private readonly double[] _max;

        public Scored(IReadOnlyList<JointDimension> dimensions, double[][] rows, Func<double[], int, double>? valueOf, Scored? binsOf)
        {
            _dimensions = dimensions;
            var d = dimensions.Count;
            Rows = valueOf is null ? rows : rows.Select(row =>
            {
                var values = (double[])row.Clone();
                for (var i = 0; i < d; i++)
                {
                    if (dimensions[i].Kind == DimensionKind.Continuous) values[i] = valueOf(row, i);
                }

                return values;
            }).ToArray();
            if (binsOf is not null)
            {
                _min = binsOf._min;
                _max = binsOf._max;
                return;
            }

            _min = new double[d];
            _max = new double[d];
            Array.Fill(_min, double.PositiveInfinity);
            Array.Fill(_max, double.NegativeInfinity);
            foreach (var row in Rows)
            {
                for (var i = 0; i < d; i++)
                {
                    if (double.IsNaN(row[i])) continue;
                    _min[i] = Math.Min(_min[i], row[i]);
                    _max[i] = Math.Max(_max[i], row[i]);
                }
            }
        }

        public double[][] Rows { get; }

        public int Cells(int dim) => _dimensions[dim].Kind == DimensionKind.Categorical ? _dimensions[dim].Buckets + 1 : ContinuousBins + 1;

        public int Cell(double[] row, int dim)
        {
            var x = row[dim];
            if (double.IsNaN(x)) return Cells(dim) - 1;
            if (_dimensions[dim].Kind == DimensionKind.Categorical) return _dimensions[dim].BucketOf(x);
            var span = _max[dim] - _min[dim];
            return !(span > 0) ? 0 : Math.Clamp((int)((x - _min[dim]) / span * ContinuousBins), 0, ContinuousBins - 1);
        }
    }
}
