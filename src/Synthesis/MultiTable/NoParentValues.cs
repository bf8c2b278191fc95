using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// Keys whose child column writes a value for "no parent" where NULL is meant (<see cref="ForeignKeySchema.NoParentValue"/>:
/// 0 or '', as MySQL applications do). The fit counts those rows as NULL-keyed (the source's share of parentless rows); the
/// sampler draws such rows parentless, as for a nullable key, and writes the value back, NOT NULL column or not.
/// </summary>
internal static class NoParentValues
{
    /// <summary>True where a child row may have no parent by <paramref name="fk"/>: its columns nullable, or a "no parent" value.</summary>
    public static bool MayBeAbsent(TableSchema table, ForeignKeySchema fk) =>
        Of(fk) is not null || fk.Columns.All(c => table.Column(c).IsNullable);

    /// <summary>The key's "no parent" value where it has one (one-column keys only), else null.</summary>
    public static string? Of(ForeignKeySchema fk) => fk.Columns.Count == 1 ? fk.NoParentValue : null;

    /// <summary>
    /// The writers for a table: per key with a "no parent" value, its column's position and the value as a cell of the
    /// column's kind (0 as a number, '' as a string), so a parentless row gets the value the source writes, not NULL.
    /// </summary>
    public static (int Column, object Cell)[] Cells(TableSchema table, IReadOnlyDictionary<string, int> columnIndex) =>
        table.ForeignKeys
            .Where(fk => Of(fk) is not null)
            .Select(fk => (Column: columnIndex[fk.Columns[0]], Cell: CellCodec.Parse(fk.NoParentValue!, ValueKinds.Of(table.Column(fk.Columns[0]).LogicalType))))
            .ToArray();

    /// <summary>Writes the "no parent" value into each such key column the row left NULL (no parent drawn).</summary>
    public static void Write(object?[] row, (int Column, object Cell)[] cells)
    {
        foreach (var (column, cell) in cells)
        {
            row[column] ??= cell;
        }
    }
}
