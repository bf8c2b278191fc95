using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.MySql;

/// <summary>
/// A MySQL/MariaDB <c>bigint unsigned AUTO_INCREMENT</c> key is logically a Decimal(20,0) (its top half does not fit an
/// Int64), and no other engine numbers a decimal column: on PostgreSQL and SQLite the clone's key had no identity, so a
/// plain INSERT failed for want of a key. Such a key is a counter that never nears 2^63, so on another engine it and every
/// foreign key column pointing at it are Int64 (the foreign key's type must match the key's on PostgreSQL); a value above
/// the Int64 range would fail the load loudly, never be truncated.
/// </summary>
internal static class MySqlCounterKeys
{
    /// <summary>The columns (table, column) to write as Int64: the counter keys and the foreign key columns that reference them.</summary>
    public static HashSet<(QualifiedName Table, string Column)> Find(DatabaseSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var keys = new HashSet<(QualifiedName, string)>();
        foreach (var table in schema.Tables)
        {
            foreach (var column in table.Columns.Where(IsCounter)) keys.Add((table.Name, column.Name));
        }
        var result = new HashSet<(QualifiedName, string)>(keys);
        foreach (var fk in schema.Tables.SelectMany(t => t.ForeignKeys))
        {
            for (var i = 0; i < fk.Columns.Count && i < fk.PrincipalColumns.Count; i++)
            {
                if (keys.Contains((fk.PrincipalTable, fk.PrincipalColumns[i]))) result.Add((fk.Table, fk.Columns[i]));
            }
        }
        return result;
    }

    public static ColumnSchema Narrow(ColumnSchema column) =>
        column.LogicalType == LogicalType.Decimal ? column with { LogicalType = LogicalType.Int64, Precision = null, Scale = null } : column;

    private static bool IsCounter(ColumnSchema column) =>
        column is { Identity: not IdentityKind.None, LogicalType: LogicalType.Decimal, GeneratedSql: null }
        && column.Scale is null or 0
        && column.NativeType.StartsWith("bigint", StringComparison.OrdinalIgnoreCase);
}
