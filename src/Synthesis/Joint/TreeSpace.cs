using Sdv.Connector.Synthesis.Copulas;

namespace Sdv.Connector.Synthesis.Joint;

/// <summary>
/// The reservoir as the tree models read it: one u per dimension (NaN for a NULL cell's value), plus
/// which dimension is which column's null indicator and which dimensions belong to one column.
/// </summary>
internal sealed class TreeSpace
{
    private TreeSpace(IReadOnlyList<JointDimension> dimensions, double[][] rows)
    {
        Dimensions = dimensions;
        Rows = rows;
        NullOf = NullIndicators(dimensions);
        Columns = ColumnsOf(dimensions);
    }

    public IReadOnlyList<JointDimension> Dimensions { get; }

    public double[][] Rows { get; }

    /// <summary>Per dimension: the null indicator of a continuous value's column, or -1.</summary>
    public int[] NullOf { get; }

    /// <summary>The dimensions of each column (a value and its null indicator stay together).</summary>
    public int[][] Columns { get; }

    /// <summary>
    /// The space a sampled row is decoded from: u = Φ(z) of the copula's scores. It differs from
    /// <see cref="JointTrainingData.Rows"/> only for a number stratified by a category, whose u is
    /// taken within its category's marginal, as the row sampler decodes it.
    /// </summary>
    public static TreeSpace From(JointTrainingData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var d = data.Dimensions.Count;
        var rows = new double[data.NormalScores.Count][];
        for (var r = 0; r < rows.Length; r++)
        {
            var z = data.NormalScores[r];
            var u = new double[d];
            for (var i = 0; i < d; i++) u[i] = NormalScores.ToProbability(z[i]);
            rows[r] = u;
        }

        return new TreeSpace(data.Dimensions, rows);
    }

    /// <summary>A space over given rows (tests, held-out splits).</summary>
    public static TreeSpace Of(IReadOnlyList<JointDimension> dimensions, double[][] rows) => new(dimensions, rows);

    public TreeSpace Subset(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new TreeSpace(Dimensions, rows.Select(r => Rows[r]).ToArray());
    }

    /// <summary>Per dimension: the null indicator (two buckets, same column) of a continuous dimension, or -1.</summary>
    public static int[] NullIndicators(IReadOnlyList<JointDimension> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        var result = new int[dimensions.Count];
        Array.Fill(result, -1);
        for (var i = 0; i < dimensions.Count; i++)
        {
            if (dimensions[i].Kind != DimensionKind.Continuous) continue;
            for (var j = 0; j < dimensions.Count; j++)
            {
                var other = dimensions[j];
                if (other.Kind == DimensionKind.Categorical && other.Buckets == 2 && other.IsContext == dimensions[i].IsContext
                    && string.Equals(other.Column, dimensions[i].Column, StringComparison.Ordinal))
                {
                    result[i] = j;
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The order of sequential synthesis: the context dimensions first (a parent's columns, given when
    /// sampling), then the table's in column order (its own columns, then the appended ones it draws: its
    /// child counts and averages), each null indicator just before its value, so a value is drawn (and
    /// learned) only where its cell is not NULL.
    /// </summary>
    public static int[] SequentialOrder(IReadOnlyList<JointDimension> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        var nullOf = NullIndicators(dimensions);
        var isIndicator = new bool[dimensions.Count];
        foreach (var j in nullOf)
        {
            if (j >= 0) isIndicator[j] = true;
        }

        var order = new List<int>(dimensions.Count);
        foreach (var context in new[] { true, false })
        {
            for (var i = 0; i < dimensions.Count; i++)
            {
                if (dimensions[i].IsContext != context || isIndicator[i]) continue;
                if (nullOf[i] >= 0) order.Add(nullOf[i]);
                order.Add(i);
            }
        }

        // An indicator whose value dimension is elsewhere in the context split (not expected) still gets its place.
        for (var i = 0; i < dimensions.Count; i++)
        {
            if (!order.Contains(i)) order.Add(i);
        }

        return [.. order];
    }

    private static int[][] ColumnsOf(IReadOnlyList<JointDimension> dimensions)
    {
        var groups = new List<List<int>>();
        var byName = new Dictionary<(string, bool), int>();
        for (var i = 0; i < dimensions.Count; i++)
        {
            var key = (dimensions[i].Column, dimensions[i].IsContext);
            if (!byName.TryGetValue(key, out var g))
            {
                g = groups.Count;
                byName[key] = g;
                groups.Add([]);
            }

            groups[g].Add(i);
        }

        return groups.Select(static g => g.ToArray()).ToArray();
    }
}
