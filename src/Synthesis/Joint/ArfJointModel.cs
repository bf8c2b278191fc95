using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Joint;

/// <summary>
/// An adversarial random forest (Watson, Blesch, Kapar and Wright, AISTATS 2023; the R package arf):
/// a forest trained until it can no longer tell the real rows from synthetic ones drawn from its own
/// leaves, whose leaves are then local densities (FORDE): within a leaf the dimensions are
/// independent, each with the distribution of the leaf's real rows (bucket counts, or smoothed
/// quantiles clamped to the leaf's bounds), and a leaf is as likely as the real rows it covers.
/// <para>
/// A row is drawn by picking a tree and a leaf, then drawing the free dimensions from the leaf. With
/// nothing fixed, the leaf is found by walking down choosing each branch by the real rows it covers
/// (the tree's depth per row). With fixed dimensions (a parent's context), splits on them are followed,
/// and each leaf reached is weighed by its coverage times the likelihood of the fixed values in it
/// (<see cref="Trees.LeafTable.Likelihood"/>): the forest's exact conditional, at the cost of the
/// leaves reached. Following the fixed splits alone ignored every fixed value a tree does not split
/// on: a context that moves a child value's mean from 50 to 80 gave 61 and 67.
/// </para>
/// </summary>
internal sealed class ArfJointModel : JointModel
{
    private int[] _nullOf = [];
    private int[] _order = [];

    public List<ArfTree> Trees { get; set; } = [];

    /// <summary>Dimensions the forest was fitted on.</summary>
    public int DimensionCount { get; set; }

    /// <summary>The forest's out-of-bag accuracy at telling real from synthetic rows, per adversarial round (½ is indistinguishable).</summary>
    public List<double> Accuracy { get; set; } = [];

    /// <summary>The hyper-parameters the model was fitted with (for the record of the choice).</summary>
    public ArfSettings Settings { get; set; } = new();

    public override int Size => DimensionCount;

    protected override void OnPrepare()
    {
        if (Trees.Count == 0) throw new InvalidDataException("The ARF model has no trees; fit the model again.");
        foreach (var tree in Trees) tree.Bind(Dimensions);
        _nullOf = TreeSpace.NullIndicators(Dimensions);
        _order = TreeSpace.SequentialOrder(Dimensions);
    }

    public override object? CreateState() => new LeafWeights(Trees.Max(static t => t.Tree.Nodes));

    public override void Sample(Span<double> u, ReadOnlySpan<bool> isFixed, Xoshiro256 random, object? state)
    {
        ArgumentNullException.ThrowIfNull(random);
        var forest = Trees[random.NextInt(Trees.Count)];
        var anyFixed = false;
        foreach (var f in isFixed) anyFixed |= f;
        var leaf = anyFixed ? WeighedLeaf(forest, u, isFixed, random, (LeafWeights)state!) : CoveredLeaf(forest, isFixed, u, random);
        foreach (var dim in _order)
        {
            if (isFixed[dim]) continue;
            var indicator = _nullOf[dim];
            if (indicator >= 0 && Dimensions[indicator].BucketOf(u[indicator]) == 0)
            {
                u[dim] = 0.5; // a NULL cell: the column model ignores its value
                continue;
            }

            u[dim] = forest.Leaves[dim].Draw(leaf, random);
        }
    }

    /// <summary>A leaf reached by following fixed splits, weighed by coverage times the fixed values' likelihood.</summary>
    private static int WeighedLeaf(ArfTree forest, ReadOnlySpan<double> u, ReadOnlySpan<bool> isFixed, Xoshiro256 random, LeafWeights scratch)
    {
        var tree = forest.Tree;
        var stack = scratch.Stack;
        var count = 0;
        var depth = 0;
        double total = 0;
        stack[depth++] = 0;
        while (depth > 0)
        {
            var node = stack[--depth];
            if (tree.IsLeaf(node))
            {
                var leaf = tree.Left[node];
                double weight = forest.Coverage[leaf];
                for (var dim = 0; dim < isFixed.Length; dim++)
                {
                    if (isFixed[dim]) weight *= forest.Leaves[dim].Likelihood(leaf, u[dim]);
                }

                scratch.Leaves[count] = leaf;
                scratch.Weights[count++] = weight;
                total += weight;
                continue;
            }

            var f = tree.Feature[node];
            if (isFixed[f])
            {
                stack[depth++] = tree.GoesLeft(node, u[f]) ? tree.Left[node] : tree.Right[node];
            }
            else
            {
                stack[depth++] = tree.Right[node];
                stack[depth++] = tree.Left[node];
            }
        }

        var pick = random.NextDouble() * total;
        for (var i = 0; i < count - 1; i++)
        {
            pick -= scratch.Weights[i];
            if (pick < 0) return scratch.Leaves[i];
        }

        return scratch.Leaves[count - 1];
    }

    /// <summary>A leaf reached by choosing each branch by the real rows it covers.</summary>
    private static int CoveredLeaf(ArfTree forest, ReadOnlySpan<bool> isFixed, ReadOnlySpan<double> u, Xoshiro256 random)
    {
        var tree = forest.Tree;
        var node = 0;
        while (!tree.IsLeaf(node))
        {
            var f = tree.Feature[node];
            var left = tree.Left[node];
            var right = tree.Right[node];
            if (isFixed[f])
            {
                node = tree.GoesLeft(node, u[f]) ? left : right;
            }
            else
            {
                var l = forest.CoverageOf(left);
                node = random.NextLong(l + forest.CoverageOf(right)) < l ? left : right;
            }
        }

        return tree.Left[node];
    }

    private sealed class LeafWeights(int nodes)
    {
        public int[] Stack { get; } = new int[nodes];

        public int[] Leaves { get; } = new int[nodes];

        public double[] Weights { get; } = new double[nodes];
    }
}
