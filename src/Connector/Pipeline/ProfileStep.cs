using System.Data;
using System.Data.Common;
using System.Globalization;
using Sdv.Connector.Engines;
using Sdv.Connector.SchemaIntrospection.Metadata;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// Profiles the string columns of each table from a bounded sample (the first rows the engine
/// returns, at most <c>rows</c>), never the whole table, for sdtype inference.
/// </summary>
internal static class ProfileStep
{
    public const int DefaultRows = 2000;

    public static async Task<IReadOnlyDictionary<QualifiedName, IReadOnlyDictionary<string, ColumnProfile>>> RunAsync(
        DbConnection connection, DbTransaction? transaction, IEngineAdapter adapter, DatabaseSchema schema, int rows, CancellationToken cancellationToken)
    {
        var result = new Dictionary<QualifiedName, IReadOnlyDictionary<string, ColumnProfile>>();
        foreach (var table in schema.Tables)
        {
            var columns = table.Columns
                .Where(c => c.LogicalType is LogicalType.String or LogicalType.FixedString or LogicalType.Text && !SdTypeInference.IsKeyColumn(table, c.Name))
                .ToList();
            if (columns.Count == 0 || table.RowCount == 0) continue;
            var profiles = columns.ToDictionary(c => c.Name, _ => new ColumnProfile(), StringComparer.Ordinal);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = SampleSql(adapter, table, columns, rows);
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = await reader.IsDBNullAsync(i, cancellationToken).ConfigureAwait(false) ? null : reader.GetValue(i);
                    profiles[columns[i].Name].Observe(value is string or null ? value : Convert.ToString(value, CultureInfo.InvariantCulture));
                }
            }
            result[table.Name] = profiles;
        }
        return result;
    }

    private static string SampleSql(IEngineAdapter adapter, TableSchema table, List<ColumnSchema> columns, int rows)
    {
        var d = adapter.Dialect;
        var list = string.Join(", ", columns.Select(c => d.Quote(c.Name)));
        var n = rows.ToString(CultureInfo.InvariantCulture);
        // In key order, so the same source gives the same profile (and sdtypes) on every run.
        var order = ContextQuery.OrderBy(d, table, string.Empty);
        return adapter.Engine == DatabaseEngine.SqlServer
            ? $"SELECT TOP ({n}) {list} FROM {d.Quote(table.Name)}{order}"
            : $"SELECT {list} FROM {d.Quote(table.Name)}{order} LIMIT {n}";
    }
}
