using Sdv.Connector.Synthesis.Models;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// How a child table's given context is filled from its synthetic parent: each given dimension of the
/// child's model reads the u its parent's model drew for the matching column (the child's context
/// columns are copies of the parent's column models, so the numbers mean the same), and the number of
/// siblings is the parent's calibrated child count, encoded by the parent's child-count marginal.
/// Worked out once per child table; filling costs a few array reads per parent row.
/// </summary>
internal sealed class ContextBinding
{
    private readonly GeneratedTable _parent;
    private readonly (int ChildDim, int ExportIndex)[] _copies;
    private readonly (int ValueDim, int NullDim, ContinuousColumnModel Model)[] _siblingCounts;
    private readonly double[] _exported;

    private ContextBinding(GeneratedTable parent, (int, int)[] copies, (int, int, ContinuousColumnModel)[] siblingCounts, int exported)
    {
        _parent = parent;
        _copies = copies;
        _siblingCounts = siblingCounts;
        _exported = new double[exported];
    }

    public static ContextBinding Of(TablePlan plan, TableModel child, TableModel parentModel, GeneratedTable parent, DatabasePlan database)
    {
        var copies = new List<(int, int)>();
        var siblings = new List<(int, int, ContinuousColumnModel)>();
        var exported = 0;
        foreach (var appended in AppendedColumn.For(plan, database).Where(static a => a.IsGiven))
        {
            var childColumn = child.Data.Columns.FirstOrDefault(c => c.Name == appended.Name);
            var parentColumn = parentModel.Data.Columns.FirstOrDefault(c => c.Name == appended.ParentModelColumn);
            if (childColumn is null || parentColumn is null) continue;
            if (appended.Kind == AppendedKind.SiblingCount)
            {
                if (childColumn is ContinuousColumnModel counted) siblings.Add((counted.ValueDim, counted.NullDim, counted));
                continue;
            }

            var childDims = childColumn.Dimensions.ToArray();
            var parentDims = parentColumn.Dimensions.ToArray();
            for (var i = 0; i < Math.Min(childDims.Length, parentDims.Length); i++)
            {
                var index = parent.ExportIndex(parentDims[i]);
                if (index >= 0) copies.Add((childDims[i], index));
                exported = Math.Max(exported, index + 1);
            }
        }

        return new ContextBinding(parent, [.. copies], [.. siblings], Math.Max(exported, parent.ExportCount));
    }

    /// <summary>Fills <paramref name="dims"/> (by child dimension, NaN where free) for parent row <paramref name="parentRow"/> with <paramref name="siblings"/> children.</summary>
    public void Fill(long parentRow, long siblings, double[] dims)
    {
        Array.Fill(dims, double.NaN);
        if (_exported.Length > 0) _parent.ContextOf(parentRow, _exported);
        foreach (var (childDim, index) in _copies)
        {
            var u = _exported[index];
            if (!double.IsNaN(u)) dims[childDim] = u;
        }

        foreach (var (valueDim, nullDim, model) in _siblingCounts)
        {
            if (valueDim >= 0)
            {
                var (lo, hi) = model.Marginal.CdfInterval(siblings);
                dims[valueDim] = Math.Clamp((lo + hi) / 2, 1e-9, 1 - 1e-9);
            }

            if (nullDim >= 0) dims[nullDim] = Math.Min((model.NullShare + 1) / 2, 1 - 1e-9);
        }
    }
}
