using Sdv.Connector.Synthesis.Joint.Trees;

namespace Sdv.Connector.Synthesis.Joint;

/// <summary>One tree of an adversarial random forest with its FORDE leaf densities: each leaf's real-row
/// count (its coverage) and, per dimension, the distribution of the leaf's real rows.</summary>
internal sealed class ArfTree
{
    private long[] _nodeCoverage = [];

    public DecisionTree Tree { get; set; } = new();

    /// <summary>Real rows per leaf (each at least k).</summary>
    public int[] Coverage { get; set; } = [];

    /// <summary>Per dimension (in dimension order): its distribution in each leaf.</summary>
    public List<LeafTable> Leaves { get; set; } = [];

    public void Bind(IReadOnlyList<JointDimension> dimensions)
    {
        Tree.Bind(dimensions);
        if (Coverage.Length != Tree.LeafCount || Leaves.Count != dimensions.Count || Coverage.Any(static c => c <= 0))
        {
            throw new InvalidDataException("A tree of the ARF model does not match its leaves or the table's dimensions; fit the model again.");
        }

        for (var d = 0; d < dimensions.Count; d++) Leaves[d].Bind(dimensions[d], Tree.LeafCount);
        _nodeCoverage = new long[Tree.Nodes];
        for (var node = Tree.Nodes - 1; node >= 0; node--)
        {
            _nodeCoverage[node] = Tree.IsLeaf(node) ? Coverage[Tree.Left[node]] : _nodeCoverage[Tree.Left[node]] + _nodeCoverage[Tree.Right[node]];
        }
    }

    /// <summary>Real rows under <paramref name="node"/>.</summary>
    public long CoverageOf(int node) => _nodeCoverage[node];
}
