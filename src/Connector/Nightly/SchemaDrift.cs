using Sdv.Connector.Nightly.Config;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.MultiTable;

namespace Sdv.Connector.Nightly;

/// <summary>
/// What changed between the schema a model was fitted on and the live source, in words a DBA
/// reads in the morning: "column public.orders.note added (text)". It covers what
/// <see cref="SchemaFingerprint"/> covers (tables, columns with native type and nullability, primary
/// and foreign keys), plus the column overrides of the configuration, which also shape the model.
/// </summary>
internal static class SchemaDrift
{
    public static IReadOnlyList<string> Between(DatabaseSchema model, DatabaseSchema live)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(live);
        var changes = new List<string>();
        var before = model.Tables.ToDictionary(t => t.Name);
        var after = live.Tables.ToDictionary(t => t.Name);
        foreach (var table in live.Tables.Where(t => !before.ContainsKey(t.Name)).OrderBy(t => t.Name, QualifiedName.Order))
            changes.Add($"table {table.Name} added ({table.Columns.Count} columns)");
        foreach (var table in model.Tables.Where(t => !after.ContainsKey(t.Name)).OrderBy(t => t.Name, QualifiedName.Order))
            changes.Add($"table {table.Name} removed");
        foreach (var old in model.Tables.Where(t => after.ContainsKey(t.Name)).OrderBy(t => t.Name, QualifiedName.Order))
        {
            var now = after[old.Name];
            var oldColumns = old.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
            var newColumns = now.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
            foreach (var c in now.Columns.Where(c => !oldColumns.ContainsKey(c.Name)))
                changes.Add($"column {old.Name}.{c.Name} added ({c.NativeType}{(c.IsNullable ? "" : " not null")})");
            foreach (var c in old.Columns.Where(c => !newColumns.ContainsKey(c.Name)))
                changes.Add($"column {old.Name}.{c.Name} removed");
            foreach (var c in old.Columns.Where(c => newColumns.ContainsKey(c.Name)))
            {
                var n = newColumns[c.Name];
                if (!string.Equals(c.NativeType, n.NativeType, StringComparison.Ordinal))
                    changes.Add($"column {old.Name}.{c.Name} type changed from {c.NativeType} to {n.NativeType}");
                if (c.IsNullable != n.IsNullable)
                    changes.Add($"column {old.Name}.{c.Name} is now {(n.IsNullable ? "nullable" : "not null")}");
            }
            var oldPk = old.PrimaryKey is { } a ? string.Join(", ", a.Columns) : null;
            var newPk = now.PrimaryKey is { } b ? string.Join(", ", b.Columns) : null;
            if (oldPk != newPk) changes.Add($"primary key of {old.Name} changed from ({oldPk ?? "none"}) to ({newPk ?? "none"})");
            var oldFks = old.ForeignKeys.Select(TableEntry.KeyOf).ToHashSet(StringComparer.Ordinal);
            var newFks = now.ForeignKeys.Select(TableEntry.KeyOf).ToHashSet(StringComparer.Ordinal);
            foreach (var fk in now.ForeignKeys.Where(f => !oldFks.Contains(TableEntry.KeyOf(f))))
                changes.Add($"foreign key {old.Name}({string.Join(", ", fk.Columns)}) -> {fk.PrincipalTable} added");
            foreach (var fk in old.ForeignKeys.Where(f => !newFks.Contains(TableEntry.KeyOf(f))))
                changes.Add($"foreign key {old.Name}({string.Join(", ", fk.Columns)}) -> {fk.PrincipalTable} removed");
        }
        return changes;
    }

    /// <summary>Overrides of sdtype or pii kind that the model was not fitted with.</summary>
    public static IReadOnlyList<string> Overrides(DatabaseSchema model, IReadOnlyList<ColumnOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(overrides);
        var changes = new List<string>();
        foreach (var o in overrides.Where(o => o.SdType is not null || o.Pii is not null))
        {
            if (ColumnOverrides.Find(model, o) is not (var table, var column)) continue;
            if (o.SdType is { } sd && column.SdType != sd)
                changes.Add($"column {table.Name}.{column.Name}: sdtype override {sd.ToString().ToLowerInvariant()} (the model has {column.SdType.ToString().ToLowerInvariant()})");
            else if (o.Pii is { } pii && column.PiiKind != pii)
                changes.Add($"column {table.Name}.{column.Name}: pii override {pii} (the model has {column.PiiKind?.ToString() ?? "none"})");
        }
        return changes;
    }
}
