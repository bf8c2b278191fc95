namespace Sdv.Connector.Synthesis.Joint.Trees;

/// <summary>A tree as the learner grew it, with the training rows of each leaf: <c>Rows[LeafStart[l]..LeafEnd[l])</c>.</summary>
internal sealed record GrownTree(DecisionTree Tree, int[] Rows, int[] LeafStart, int[] LeafEnd)
{
    public ReadOnlySpan<int> RowsOf(int leaf) => Rows.AsSpan(LeafStart[leaf], LeafEnd[leaf] - LeafStart[leaf]);
}
