using System.Data.Common;
using System.Globalization;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Engines.Sqlite;

/// <summary>
/// SQLite stores every integer in up to 64 bits, whatever the declared name: an <c>INT</c> column of millisecond
/// timestamps (Zotero's storageModTime, 1514823477000) is legal. The name gives the narrow type another engine would
/// create; the values decide where they do not fit it, or every one would be clamped to 2147483647 in the clone.
/// </summary>
internal static class SqliteIntegerWidths
{
    /// <summary>The tables with each narrow integer column widened to the narrowest type that holds its values.</summary>
    public static async Task<List<TableSchema>> WidenAsync(DbConnection connection, List<TableSchema> tables, List<string> warnings, CancellationToken cancellationToken)
    {
        var quote = IdentifierQuoting.DoubleQuotes;
        var widened = new List<TableSchema>(tables.Count);
        foreach (var table in tables)
        {
            var narrow = table.Columns.Where(c => c.LogicalType is LogicalType.Int8 or LogicalType.Int16 or LogicalType.Int32 && c.GeneratedSql is null).ToList();
            if (narrow.Count == 0 || table.RowCount == 0)
            {
                widened.Add(table);
                continue;
            }
            var parts = narrow.Select(c => quote.Quote(c.Name))
                .Select(c => $"MIN(CASE WHEN typeof({c}) = 'integer' THEN {c} END), MAX(CASE WHEN typeof({c}) = 'integer' THEN {c} END)");
            var bounds = new long?[narrow.Count * 2];
            await using (var command = SqliteSchemaIntrospector.CreateCommand(connection, $"SELECT {string.Join(", ", parts)} FROM {quote.Quote(table.Name.Name)}"))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    for (var i = 0; i < bounds.Length; i++) bounds[i] = reader.IsDBNull(i) ? null : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
                }
            }
            var retyped = new Dictionary<string, ColumnSchema>(StringComparer.Ordinal);
            for (var i = 0; i < narrow.Count; i++)
            {
                if (bounds[2 * i] is not { } min || bounds[(2 * i) + 1] is not { } max) continue;
                var column = narrow[i];
                var fits = Narrowest(min, max);
                if (fits <= column.LogicalType) continue;
                warnings.Add($"Column {table.Name}.{column.Name} is declared {column.NativeType.Trim()} and holds integers from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, so it is read as {fits}.");
                retyped[column.Name] = column with { LogicalType = fits };
            }
            widened.Add(retyped.Count == 0 ? table : table with { Columns = table.Columns.Select(c => retyped.GetValueOrDefault(c.Name, c)).ToList() });
        }
        return widened;
    }

    private static LogicalType Narrowest(long min, long max) =>
        min >= sbyte.MinValue && max <= sbyte.MaxValue ? LogicalType.Int8
        : min >= short.MinValue && max <= short.MaxValue ? LogicalType.Int16
        : min >= int.MinValue && max <= int.MaxValue ? LogicalType.Int32
        : LogicalType.Int64;
}
