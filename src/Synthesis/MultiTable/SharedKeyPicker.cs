using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// The parents of a secondary foreign key that shares columns with a key set before it (a multi-tenant schema's
/// <c>task(tenant_id, assignee_id) -> account(tenant_id, id)</c> beside <c>task(tenant_id, project_id) -> project(tenant_id, id)</c>),
/// grouped by their values of the shared columns, each group with a picker of its own (popularity and quotas as
/// <see cref="ParentPicker"/>'s). A row picks only among the parents that agree with what it already holds there:
/// picked among all, the assignee's tenant overwrote the project's, and the row pointed at a project that does not exist.
/// </summary>
internal sealed class SharedKeyPicker
{
    private readonly Dictionary<string, (ParentPicker Picker, int[] Rows)> _groups;

    private SharedKeyPicker(int[] cells, bool[] isShared, Dictionary<string, (ParentPicker, int[])> groups)
    {
        Cells = cells;
        IsShared = isShared;
        _groups = groups;
    }

    /// <summary>Row positions of the shared columns.</summary>
    public int[] Cells { get; }

    /// <summary>Per column of the foreign key, true where it is shared (set by an earlier key, never written by this one).</summary>
    public bool[] IsShared { get; }

    /// <param name="cells">Row positions of the shared columns.</param>
    /// <param name="isShared">Per column of the foreign key, whether it is shared.</param>
    /// <param name="keys">The parent's values of the key, by parent row.</param>
    /// <param name="weights">Each parent row's popularity.</param>
    /// <param name="signatures">Per parent row, its values of the columns children match on (equalities); null where none.</param>
    /// <param name="expectedChildren">Rows of the child that will hold a parent, shared among the groups by their weight.</param>
    public static SharedKeyPicker Build(int[] cells, bool[] isShared, GeneratedTable.KeyColumnStore keys, double[] weights, string[]? signatures, double expectedChildren)
    {
        var members = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < weights.Length; i++)
        {
            var key = keys.Get(i);
            var group = RowCells.Signature(Enumerable.Range(0, key.Length).Where(k => isShared[k]).Select(k => key[k]));
            if (!members.TryGetValue(group, out var rows)) members[group] = rows = [];
            rows.Add(i);
        }

        var total = weights.Sum();
        var groups = new Dictionary<string, (ParentPicker, int[])>(StringComparer.Ordinal);
        foreach (var (group, rows) in members)
        {
            var own = rows.Select(r => weights[r]).ToArray();
            var share = total > 0 ? own.Sum() / total : (double)rows.Count / weights.Length;
            groups[group] = (new ParentPicker(own, expectedChildren * share, signatures is null ? null : rows.Select(r => signatures[r]).ToArray()), [.. rows]);
        }

        return new SharedKeyPicker(cells, isShared, groups);
    }

    /// <summary>True where a shared cell of the row is NULL: the key is then not checked (MATCH SIMPLE), and any parent will do.</summary>
    public bool HasNull(object?[] row)
    {
        foreach (var c in Cells)
        {
            if (row[c] is null) return true;
        }

        return false;
    }

    /// <summary>A parent row that agrees with the row's shared cells (matching <paramref name="signature"/> where it can), or -1 where none does.</summary>
    public int Pick(object?[] row, string? signature, Xoshiro256 random)
    {
        if (!_groups.TryGetValue(RowCells.Signature(Cells.Select(c => row[c])), out var group)) return -1;
        var local = group.Picker.Pick(signature, random);
        return local < 0 ? -1 : group.Rows[local];
    }
}
