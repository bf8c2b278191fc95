using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Joint.Trees;

/// <summary>
/// Grows one decision tree on binned features, best split first (the node whose split lowers the
/// impurity most is split next) until the tree has its most leaves, no split is allowed (minimum leaf
/// size, depth, minimum decrease), or none helps. Each node's rows are a range of one index array,
/// partitioned in place; a split is found from the node's per-bin histograms (<see cref="SplitSearch"/>).
/// Deterministic for a seed (the seed only draws feature subsets).
/// </summary>
internal sealed class TreeLearner
{
    private readonly BinnedFeatures _x;
    private readonly TreeOptions _options;
    private readonly SplitSearch _search;

    public TreeLearner(BinnedFeatures x, TreeTarget y, TreeOptions options)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(options);
        _x = x;
        _options = options;
        _search = new SplitSearch(x, y, options.MinLeaf, options.MinLeafClass, options.MinLeafClassRows);
    }

    private struct Node
    {
        public int Start;
        public int End;
        public int Depth;
        public Split Split;
        public int Left;
        public int Right;
    }

    /// <summary>Grows a tree on <paramref name="rows"/> (row numbers of the binned features) using <paramref name="features"/> (dimensions).</summary>
    public GrownTree Grow(ReadOnlySpan<int> rows, IReadOnlyList<int> features, Xoshiro256 random)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(random);
        var index = rows.ToArray();
        var pool = features.ToArray();
        var take = _options.MaxFeatures <= 0 ? pool.Length : Math.Min(_options.MaxFeatures, pool.Length);
        var rootImpurity = _search.Impurity(index);
        var minGain = Math.Max(1e-9 * rootImpurity, _options.MinImpurityDecrease * rootImpurity);
        var nodes = new List<Node> { new() { Start = 0, End = index.Length, Depth = 0, Left = -1, Right = -1 } };
        var queue = new PriorityQueue<int, (double, int)>();
        Evaluate(0);
        var leaves = 1;
        while (leaves < _options.MaxLeaves && queue.TryDequeue(out var id, out _))
        {
            var node = nodes[id];
            var mid = Partition(index, node.Start, node.End, node.Split);
            node.Left = nodes.Count;
            nodes.Add(new Node { Start = node.Start, End = mid, Depth = node.Depth + 1, Left = -1, Right = -1 });
            node.Right = nodes.Count;
            nodes.Add(new Node { Start = mid, End = node.End, Depth = node.Depth + 1, Left = -1, Right = -1 });
            nodes[id] = node;
            Evaluate(node.Left);
            Evaluate(node.Right);
            leaves++;
        }

        return Build(nodes, index);

        void Evaluate(int id)
        {
            var node = nodes[id];
            if (node.Depth >= _options.MaxDepth || node.End - node.Start < 2 * _options.MinLeaf || pool.Length == 0) return;
            var rows = index.AsSpan(node.Start, node.End - node.Start);
            Split split;
            if (take < pool.Length)
            {
                for (var i = 0; i < pool.Length; i++)
                {
                    var j = i + random.NextInt(pool.Length - i);
                    (pool[i], pool[j]) = (pool[j], pool[i]);
                }

                // As scikit-learn does, the search goes on past the drawn features until one can split:
                // with one feature per node, a node whose feature is constant there would stop growing.
                split = _search.Best(rows, pool.AsSpan(0, take));
                for (var next = take; !split.Exists && next < pool.Length; next++) split = _search.Best(rows, pool.AsSpan(next, 1));
            }
            else
            {
                split = _search.Best(rows, pool);
            }

            if (!split.Exists || split.Gain < minGain) return;
            if (_options.MinSignificance > 0 && split.Gain < _options.MinSignificance * _search.Impurity(rows) / rows.Length) return;
            node.Split = split;
            nodes[id] = node;
            queue.Enqueue(id, (_options.BestFirst ? -split.Gain : node.Depth, id));
        }
    }

    private int Partition(int[] index, int start, int end, Split split)
    {
        var bins = _x.Bins[split.Dimension];
        var missingBin = _x.ValueBins[split.Dimension];
        var i = start;
        var j = end - 1;
        while (i <= j)
        {
            if (split.Left(bins[index[i]], missingBin))
            {
                i++;
            }
            else
            {
                (index[i], index[j]) = (index[j], index[i]);
                j--;
            }
        }

        return i;
    }

    private GrownTree Build(List<Node> nodes, int[] index)
    {
        var n = nodes.Count;
        var tree = new DecisionTree { Feature = new int[n], Split = new long[n], Left = new int[n], Right = new int[n], MissingLeft = new byte[n] };
        var starts = new List<int>();
        var ends = new List<int>();
        for (var i = 0; i < n; i++)
        {
            var node = nodes[i];
            if (node.Left < 0)
            {
                tree.Feature[i] = -1;
                tree.Left[i] = starts.Count;
                tree.Right[i] = -1;
                starts.Add(node.Start);
                ends.Add(node.End);
                continue;
            }

            var split = node.Split;
            tree.Feature[i] = split.Dimension;
            tree.Left[i] = node.Left;
            tree.Right[i] = node.Right;
            tree.MissingLeft[i] = split.MissingLeft ? (byte)1 : (byte)0;
            if (split.Categorical)
            {
                tree.Split[i] = (long)split.Mask;
            }
            else
            {
                var edges = _x.Edges[split.Dimension];
                tree.Split[i] = split.LastLeftBin < 0 ? 0 : split.LastLeftBin >= edges.Length ? DecisionTree.AllLeft : Quantized.ToInt(edges[split.LastLeftBin]);
            }
        }

        tree.Bind(_x.Dimensions);
        return new GrownTree(tree, index, [.. starts], [.. ends]);
    }
}
