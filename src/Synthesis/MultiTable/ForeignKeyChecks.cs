using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Constraints;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// A table's CHECK constraints on its foreign key columns (<c>CHECK (a &lt; b)</c> on a friendship table whose two
/// columns both reference person): the row sampler keeps the checks on the columns it draws, but foreign keys are set
/// after it, from the parents, and nothing held these; every target refused the rows. A row whose parents break such a
/// check has them drawn again; where two foreign keys reference the same parent key, swapping their values is tried
/// first, which keeps both references valid and the pair's distribution as it is.
/// </summary>
internal sealed class ForeignKeyChecks
{
    private readonly BoundCheck[] _checks;
    private readonly (int[] A, int[] B)[] _swappable;

    public ForeignKeyChecks(TableSchema table, TablePlan plan, IReadOnlyList<BoundCheck> checks, IReadOnlyDictionary<string, int> columnIndex)
    {
        // The keys set here, before the row is kept; self-references and keys closing a cycle are set later.
        var keys = new[] { plan.PrimaryParent }.OfType<ForeignKeySchema>().Concat(plan.SecondaryParents).ToList();
        var keyColumns = keys.SelectMany(fk => fk.Columns).Select(c => columnIndex[c]).ToHashSet();
        var width = table.Columns.Count;
        // Only checks on the table's own columns that name a foreign key column: the others hold by the sampler already.
        _checks = checks.Where(c => c.Columns.Length > 0 && c.Columns.All(i => i < width) && c.Columns.Any(keyColumns.Contains)).ToArray();
        var pairs = new List<(int[] A, int[] B)>();
        for (var i = 0; i < keys.Count; i++)
        {
            for (var j = i + 1; j < keys.Count; j++)
            {
                if (keys[i].PrincipalTable.Equals(keys[j].PrincipalTable) && keys[i].PrincipalColumns.SequenceEqual(keys[j].PrincipalColumns, StringComparer.Ordinal))
                {
                    pairs.Add((keys[i].Columns.Select(c => columnIndex[c]).ToArray(), keys[j].Columns.Select(c => columnIndex[c]).ToArray()));
                }
            }
        }
        _swappable = [.. pairs];
    }

    /// <summary>True where a failing check may be repaired by swapping two references to the same parent.</summary>
    public bool CanSwap => _checks.Length > 0 && _swappable.Length > 0;

    public IEnumerable<string> Expressions => _checks.Select(c => c.Expression);

    /// <summary>True where every such check holds on <paramref name="row"/>, after swapping two references to the same parent if that makes them hold.</summary>
    public bool HoldOrRepair(object?[] row)
    {
        if (_checks.Length == 0 || Hold(row)) return true;
        foreach (var (a, b) in _swappable)
        {
            Swap(row, a, b);
            if (Hold(row)) return true;
            Swap(row, a, b);
        }
        return false;
    }

    private bool Hold(object?[] row) => _checks.All(c => CheckEvaluator.Holds(c.Root, row));

    private static void Swap(object?[] row, int[] a, int[] b)
    {
        for (var k = 0; k < a.Length; k++) (row[a[k]], row[b[k]]) = (row[b[k]], row[a[k]]);
    }
}
