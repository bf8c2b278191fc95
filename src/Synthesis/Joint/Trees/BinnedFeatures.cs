namespace Sdv.Connector.Synthesis.Joint.Trees;

/// <summary>
/// The training rows' dimensions turned into small integers, the form the tree learner splits on: a
/// continuous u falls into one of at most 64 quantile bins, a bucket into its own bin (buckets past the
/// 63rd share the last), and NaN (a NULL cell's value) into a "missing" bin after the value bins. One
/// byte per cell, column by column.
/// </summary>
internal sealed class BinnedFeatures
{
    /// <summary>Most value bins a feature has (the missing bin comes after them).</summary>
    public const int MaxBins = 64;

    private BinnedFeatures(IReadOnlyList<JointDimension> dimensions, double[][] edges, int[] valueBins, byte[][] bins, int rows)
    {
        Dimensions = dimensions;
        Edges = edges;
        ValueBins = valueBins;
        Bins = bins;
        Rows = rows;
    }

    public IReadOnlyList<JointDimension> Dimensions { get; }

    /// <summary>Per dimension, continuous: ascending thresholds of u (bin b holds u in [Edges[b-1], Edges[b])); categorical: empty.</summary>
    public double[][] Edges { get; }

    /// <summary>Per dimension: bins that hold values; the missing bin is numbered <c>ValueBins[d]</c>.</summary>
    public int[] ValueBins { get; }

    /// <summary>Per dimension, per row: the bin.</summary>
    public byte[][] Bins { get; }

    public int Rows { get; }

    public bool IsCategorical(int dimension) => Dimensions[dimension].Kind == DimensionKind.Categorical;

    /// <summary>
    /// Bins <paramref name="rows"/> with thresholds taken from <paramref name="edgeRows"/> (the real rows:
    /// an adversarial forest bins its synthetic rows on the real rows' edges). Each threshold is the mean
    /// of <paramref name="k"/> neighbouring u's around a quantile, rounded to a millionth, so no threshold
    /// stored in a tree is one row's value.
    /// </summary>
    public static BinnedFeatures Build(IReadOnlyList<JointDimension> dimensions, IReadOnlyList<double[]> rows, IReadOnlyList<double[]> edgeRows, int k)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(edgeRows);
        var d = dimensions.Count;
        var edges = new double[d][];
        var valueBins = new int[d];
        var bins = new byte[d][];
        var column = new double[edgeRows.Count];
        for (var f = 0; f < d; f++)
        {
            var dimension = dimensions[f];
            if (dimension.Kind == DimensionKind.Categorical)
            {
                edges[f] = [];
                valueBins[f] = Math.Clamp(dimension.Buckets, 1, MaxBins);
            }
            else
            {
                var n = 0;
                foreach (var row in edgeRows)
                {
                    if (!double.IsNaN(row[f])) column[n++] = row[f];
                }

                edges[f] = QuantileEdges(column.AsSpan(0, n), k);
                valueBins[f] = edges[f].Length + 1;
            }

            var b = new byte[rows.Count];
            for (var r = 0; r < rows.Count; r++) b[r] = (byte)BinOf(dimension, edges[f], valueBins[f], rows[r][f]);
            bins[f] = b;
        }

        return new BinnedFeatures(dimensions, edges, valueBins, bins, rows.Count);
    }

    /// <summary>The bin of <paramref name="u"/> for a dimension binned with <paramref name="edges"/>.</summary>
    public static int BinOf(JointDimension dimension, double[] edges, int valueBins, double u)
    {
        if (double.IsNaN(u)) return valueBins;
        if (dimension.Kind == DimensionKind.Categorical) return Math.Min(dimension.BucketOf(u), MaxBins - 1);
        var lo = 0;
        var hi = edges.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (edges[mid] <= u) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }

    /// <summary>Up to 63 thresholds at evenly spaced quantiles, each the mean of k sorted values around it.</summary>
    private static double[] QuantileEdges(Span<double> values, int k)
    {
        var n = values.Length;
        if (n < 2 * k) return [];
        values.Sort();
        var wanted = Math.Min(MaxBins - 1, (n / k) - 1);
        var edges = new List<double>(wanted);
        for (var j = 1; j <= wanted; j++)
        {
            var centre = (int)((long)j * n / (wanted + 1));
            var start = Math.Clamp(centre - (k / 2), 0, n - k);
            double sum = 0;
            for (var i = start; i < start + k; i++) sum += values[i];
            var edge = Quantized.Round(sum / k);
            if (edge > 0 && edge < 1 && (edges.Count == 0 || edge > edges[^1])) edges.Add(edge);
        }

        return [.. edges];
    }
}
