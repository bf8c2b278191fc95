namespace Sdv.Connector.Synthesis.Evaluation.Reports;

/// <summary>A relationship resolved on both sides: parent keys and child foreign keys, real and synthetic, one per row.</summary>
internal sealed class RelationshipPair
{
    public RelationshipPair(EvaluationRelationship relationship, IReadOnlyList<TablePair> tables)
    {
        Relationship = relationship;
        Parent = Find(tables, relationship.ParentTable, relationship);
        Child = Find(tables, relationship.ChildTable, relationship);
        if (relationship.ParentColumns.Count != relationship.ChildColumns.Count || relationship.ParentColumns.Count == 0)
        {
            throw new ArgumentException($"Relationship {relationship} pairs {relationship.ChildColumns.Count} foreign key column(s) with {relationship.ParentColumns.Count} key column(s); they must match one to one.");
        }

        RealParentKeys = RowKeys.Of(Parent.Real.Rows, Parent.RealPositions(relationship.ParentColumns));
        RealForeignKeys = RowKeys.Of(Child.Real.Rows, Child.RealPositions(relationship.ChildColumns));
        SyntheticParentKeys = SyntheticKeys(Parent, relationship.ParentColumns);
        SyntheticForeignKeys = SyntheticKeys(Child, relationship.ChildColumns);
    }

    public EvaluationRelationship Relationship { get; }

    public TablePair Parent { get; }

    public TablePair Child { get; }

    public RowKey?[] RealParentKeys { get; }

    public RowKey?[] RealForeignKeys { get; }

    public RowKey?[] SyntheticParentKeys { get; }

    public RowKey?[] SyntheticForeignKeys { get; }

    /// <summary>
    /// Inner join child → parent on foreign key = key: (parent row, child row) per match, in child
    /// row order. Orphans, childless parents and null foreign keys drop out.
    /// </summary>
    public static List<(int Parent, int Child)> Join(IReadOnlyList<RowKey?> parentKeys, IReadOnlyList<RowKey?> foreignKeys)
    {
        var parentsByKey = new Dictionary<RowKey, List<int>>();
        for (var p = 0; p < parentKeys.Count; p++)
        {
            if (parentKeys[p] is { } key)
            {
                if (!parentsByKey.TryGetValue(key, out var list))
                {
                    parentsByKey[key] = list = [];
                }

                list.Add(p);
            }
        }

        var joined = new List<(int, int)>();
        for (var c = 0; c < foreignKeys.Count; c++)
        {
            if (foreignKeys[c] is { } fk && parentsByKey.TryGetValue(fk, out var parents))
            {
                joined.AddRange(parents.Select(p => (p, c)));
            }
        }

        return joined;
    }

    private static RowKey?[] SyntheticKeys(TablePair table, IReadOnlyList<string> columns)
    {
        var positions = table.SyntheticPositions(columns);
        return positions is null ? new RowKey?[table.Synthetic.Rows.Count] : RowKeys.Of(table.Synthetic.Rows, positions);
    }

    private static TablePair Find(IReadOnlyList<TablePair> tables, string name, EvaluationRelationship relationship) =>
        tables.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal))
        ?? throw new ArgumentException($"Relationship {relationship} names table '{name}', which the real data does not have; fix the metadata or include the table.");
}
