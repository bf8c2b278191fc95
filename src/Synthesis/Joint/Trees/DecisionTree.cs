using System.Text.Json.Serialization;

namespace Sdv.Connector.Synthesis.Joint.Trees;

/// <summary>
/// A fitted tree over a table's dimensions, as parallel arrays (node 0 is the root). At an inner node
/// a continuous dimension goes left when u is below <see cref="Split"/> millionths, a categorical one
/// when its bucket's bit (buckets past the 63rd share bit 63) is set in <see cref="Split"/>; NaN goes
/// the way <see cref="MissingLeft"/> says. At a leaf <see cref="Feature"/> is -1 and <see cref="Left"/>
/// holds the leaf's number.
/// </summary>
internal sealed class DecisionTree
{
    /// <summary>A continuous threshold that sends every value left (only the missing side goes right).</summary>
    public const long AllLeft = (long)Quantized.Scale + 1;

    private double[] _threshold = [];
    private bool[] _categorical = [];
    private JointDimension[] _dimensions = [];

    /// <summary>The dimension split on; -1 at a leaf.</summary>
    public int[] Feature { get; set; } = [-1];

    /// <summary>Continuous: the threshold in millionths of u; categorical: the mask of bins that go left.</summary>
    public long[] Split { get; set; } = [0];

    /// <summary>The left child; at a leaf, the leaf's number.</summary>
    public int[] Left { get; set; } = [0];

    public int[] Right { get; set; } = [-1];

    /// <summary>1 where NaN (a NULL cell's value) goes left.</summary>
    public byte[] MissingLeft { get; set; } = [0];

    [JsonIgnore]
    public int Nodes => Feature.Length;

    [JsonIgnore]
    public int LeafCount { get; private set; }

    public bool IsLeaf(int node) => Feature[node] < 0;

    /// <summary>Whether <paramref name="node"/> splits a categorical dimension (after <see cref="Bind"/>).</summary>
    public bool IsCategorical(int node) => _categorical[node];

    /// <summary>Checks the arrays against the dimensions and builds the thresholds; an error names what is wrong.</summary>
    public void Bind(IReadOnlyList<JointDimension> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        var n = Feature.Length;
        if (n == 0 || Split.Length != n || Left.Length != n || Right.Length != n || MissingLeft.Length != n)
        {
            throw new InvalidDataException("A tree of the joint model has arrays of different lengths; fit the model again.");
        }

        _dimensions = [.. dimensions];
        _threshold = new double[n];
        _categorical = new bool[n];
        var leaves = 0;
        for (var i = 0; i < n; i++)
        {
            var f = Feature[i];
            if (f < 0)
            {
                leaves++;
                continue;
            }

            if (f >= dimensions.Count || Left[i] <= i || Right[i] <= i || Left[i] >= n || Right[i] >= n)
            {
                throw new InvalidDataException($"Node {i} of a tree of the joint model points outside the tree or the table's {dimensions.Count} dimensions; fit the model again.");
            }

            _categorical[i] = dimensions[f].Kind == DimensionKind.Categorical;
            _threshold[i] = Quantized.ToDouble(Split[i]);
        }

        var seen = new bool[leaves];
        for (var i = 0; i < n; i++)
        {
            if (Feature[i] >= 0) continue;
            if (Left[i] < 0 || Left[i] >= leaves || seen[Left[i]])
            {
                throw new InvalidDataException($"Leaf numbers of a tree of the joint model are inconsistent (node {i}); fit the model again.");
            }

            seen[Left[i]] = true;
        }

        LeafCount = leaves;
    }

    /// <summary>Whether a row whose dimension (the node's) holds <paramref name="u"/> goes left at <paramref name="node"/>.</summary>
    public bool GoesLeft(int node, double u)
    {
        if (double.IsNaN(u)) return MissingLeft[node] != 0;
        if (!_categorical[node]) return u < _threshold[node];
        var bin = Math.Min(_dimensions[Feature[node]].BucketOf(u), BinnedFeatures.MaxBins - 1);
        return ((ulong)Split[node] & (1UL << bin)) != 0;
    }

    /// <summary>The node of the leaf that <paramref name="row"/> (indexed by dimension) falls in.</summary>
    public int LeafNodeOf(ReadOnlySpan<double> row)
    {
        var node = 0;
        while (Feature[node] >= 0) node = GoesLeft(node, row[Feature[node]]) ? Left[node] : Right[node];
        return node;
    }

    /// <summary>The number of the leaf that <paramref name="row"/> falls in.</summary>
    public int LeafOf(ReadOnlySpan<double> row) => Left[LeafNodeOf(row)];

    /// <summary>What <see cref="Pruned"/> does with a node.</summary>
    public enum Prune : byte
    {
        Keep,
        MakeLeaf,
        ReplaceByLeft,
        ReplaceByRight,
    }

    /// <summary>
    /// This tree with each node kept, made a leaf (its subtree dropped), or replaced by one of its
    /// children (its split removed: the other side's rows follow that child's splits instead), leaves
    /// numbered again in node order.
    /// </summary>
    public DecisionTree Pruned(Prune[] actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var feature = new List<int>();
        var split = new List<long>();
        var left = new List<int>();
        var right = new List<int>();
        var missing = new List<byte>();
        var leaves = 0;

        // Breadth-first copy keeps every child after its parent, as Bind expects.
        var queue = new Queue<(int Old, int New)>();
        Add(0);
        while (queue.TryDequeue(out var item))
        {
            var (old, fresh) = item;
            if (Feature[old] < 0 || actions[old] == Prune.MakeLeaf)
            {
                feature[fresh] = -1;
                split[fresh] = 0;
                left[fresh] = leaves++;
                right[fresh] = -1;
                missing[fresh] = 0;
                continue;
            }

            left[fresh] = Add(Left[old]);
            right[fresh] = Add(Right[old]);
        }

        return new DecisionTree { Feature = [.. feature], Split = [.. split], Left = [.. left], Right = [.. right], MissingLeft = [.. missing] };

        int Add(int old)
        {
            while (Feature[old] >= 0 && actions[old] is Prune.ReplaceByLeft or Prune.ReplaceByRight)
            {
                old = actions[old] == Prune.ReplaceByLeft ? Left[old] : Right[old];
            }

            var index = feature.Count;
            feature.Add(Feature[old]);
            split.Add(Split[old]);
            left.Add(-1);
            right.Add(-1);
            missing.Add(MissingLeft[old]);
            queue.Enqueue((old, index));
            return index;
        }
    }
}
