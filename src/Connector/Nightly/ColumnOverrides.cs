using Sdv.Connector.Engines;
using Sdv.Connector.Nightly.Config;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Nightly;

/// <summary>
/// The <c>columns:</c> overrides of a configuration, applied to a real schema: sdtype and pii kind
/// before fitting, keep_constant and null_out on the sampled rows. A key that names no column,
/// or an override that would break a constraint (NULL in a not-null column, a constant in a key),
/// is a problem reported before anything is written.
/// </summary>
internal sealed class ColumnOverrides
{
    private readonly Dictionary<QualifiedName, List<(int Index, object? Value)>> _fixed = [];

    private ColumnOverrides() { }

    /// <summary>The table and column an override names: table.column matches the table's name, schema.table.column its qualified name.</summary>
    public static (TableSchema Table, ColumnSchema Column)? Find(DatabaseSchema schema, ColumnOverride o)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(o);
        var table = schema.Tables.FirstOrDefault(t => t.Name.ToString() == o.Table)
            ?? schema.Tables.FirstOrDefault(t => t.Name.Name == o.Table);
        // Exact names first; a case-only difference is accepted (SQL users write names in either case).
        table ??= schema.Tables.FirstOrDefault(t => string.Equals(t.Name.ToString(), o.Table, StringComparison.OrdinalIgnoreCase))
            ?? schema.Tables.FirstOrDefault(t => string.Equals(t.Name.Name, o.Table, StringComparison.OrdinalIgnoreCase));
        var column = table?.Columns.FirstOrDefault(c => c.Name == o.Column)
            ?? table?.Columns.FirstOrDefault(c => string.Equals(c.Name, o.Column, StringComparison.OrdinalIgnoreCase));
        return table is not null && column is not null ? (table, column) : null;
    }

    /// <summary>Problems of the overrides against <paramref name="schema"/>: unknown columns, and values that break a constraint.</summary>
    public static IReadOnlyList<string> Problems(DatabaseSchema schema, IReadOnlyList<ColumnOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var problems = new List<string>();
        foreach (var o in overrides)
        {
            if (Find(schema, o) is not (var table, var column))
            {
                problems.Add($"columns.{o.Key}: no such column in the source ({schema.Tables.Count} tables read); check the table and column names.");
                continue;
            }
            var inKey = table.PrimaryKey?.Columns.Contains(column.Name) == true || table.UniqueKeys.Any(k => k.Columns.Contains(column.Name))
                || table.ForeignKeys.Any(f => f.Columns.Contains(column.Name));
            if ((o.NullOut || o.KeepConstant is not null) && inKey)
                problems.Add($"columns.{o.Key}: is part of a primary, unique or foreign key; null_out and keep_constant would break the key.");
            else if (o.NullOut && !column.IsNullable)
                problems.Add($"columns.{o.Key}: is NOT NULL; null_out would break the constraint. Use keep_constant instead.");
            else if (o.KeepConstant is { } text && !CanonicalConversion.TryConvert(text, column.LogicalType, out _))
                problems.Add($"columns.{o.Key}: keep_constant '{text}' is not a value of the column's type ({column.NativeType}).");
        }
        return problems;
    }

    /// <summary>The schema with the sdtype and pii overrides set, so the model is fitted with them.</summary>
    public static DatabaseSchema ApplyTypes(DatabaseSchema schema, IReadOnlyList<ColumnOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var typed = overrides.Where(o => o.SdType is not null || o.Pii is not null).ToList();
        if (typed.Count == 0) return schema;
        var tables = schema.Tables.Select(table => table with
        {
            Columns = table.Columns.Select(column =>
            {
                var o = typed.LastOrDefault(o => Find(schema, o) is var (t, c) && t.Name.Equals(table.Name) && c.Name == column.Name);
                return o is null ? column : column with { SdType = o.SdType ?? column.SdType, PiiKind = o.Pii ?? (o.SdType == SdType.Pii ? column.PiiKind : null) };
            }).ToList(),
        }).ToList();
        return schema with { Tables = tables };
    }

    /// <summary>The value replacements of keep_constant and null_out, by the model's table names.</summary>
    public static ColumnOverrides ForRows(DatabaseSchema schema, IReadOnlyList<ColumnOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var result = new ColumnOverrides();
        foreach (var o in overrides.Where(o => o.NullOut || o.KeepConstant is not null))
        {
            if (Find(schema, o) is not (var table, var column)) continue;
            object? value = null;
            if (o.KeepConstant is { } text) CanonicalConversion.TryConvert(text, column.LogicalType, out value);
            if (!result._fixed.TryGetValue(table.Name, out var list)) result._fixed[table.Name] = list = [];
            list.Add((table.Columns.ToList().IndexOf(column), value));
        }
        return result;
    }

    public IEnumerable<object?[]> Apply(QualifiedName table, IEnumerable<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (!_fixed.TryGetValue(table, out var list)) return rows;
        return rows.Select(row =>
        {
            foreach (var (index, value) in list) row[index] = value;
            return row;
        });
    }
}
