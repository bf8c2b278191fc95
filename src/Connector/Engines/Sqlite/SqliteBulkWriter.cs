using System.Data.Common;
using Microsoft.Data.Sqlite;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.Sqlite;

/// <summary>
/// Loads a table with one prepared INSERT, reused with new parameter values for every row, inside one
/// transaction: nothing is visible until the commit, and a failure rolls the table back to empty.
/// Values are stored as <see cref="SqliteValueConverter.ToStored"/> gives them (ISO-8601 text for dates,
/// 0/1 for booleans, a decimal's invariant text, a GUID's text, a blob for bytes).
/// Foreign keys are switched off on this connection during the load and restored after it: rows of
/// a self-referencing table or of a cycle cannot all come after their parents. The schema writer's
/// <c>PRAGMA foreign_key_check</c> then proves every row after the load.
/// </summary>
internal sealed class SqliteBulkWriter : IBulkWriter
{
    public async Task<long> WriteAsync(DbConnection connection, TableSchema table, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        var sqlite = connection as SqliteConnection
            ?? throw new ArgumentException($"The SQLite bulk writer needs a SqliteConnection, not {connection?.GetType().Name}.", nameof(connection));
        var d = SqliteDialect.Instance;
        var indexes = Enumerable.Range(0, table.Columns.Count).Where(i => table.Columns[i].GeneratedSql is null).ToArray();
        // A timestamp column the source writes as text in a layout of its own (2025-03-21T07:30:43Z) is written in that layout.
        var formats = indexes.Select(i => table.Columns[i].Annotations.GetValueOrDefault(SchemaIntrospection.Engines.Sqlite.SqliteTextColumns.FormatAnnotation)).ToArray();
        var foreignKeys = Convert.ToInt64(await ScalarAsync(sqlite, "PRAGMA foreign_keys", cancellationToken), System.Globalization.CultureInfo.InvariantCulture) != 0;
        if (foreignKeys) await ScalarAsync(sqlite, "PRAGMA foreign_keys = OFF", cancellationToken);
        // A CHECK the sampler does not read may refuse a row; SQLite cannot add it after the load, so the load does not judge
        // the table's CHECKs and the clone counts the rows that break such a one afterwards (a warning, not a failed clone).
        var lenient = table.CheckConstraints.Any(static c => !PortableChecks.IsUnderstood(c.Expression));
        if (lenient) await ScalarAsync(sqlite, "PRAGMA ignore_check_constraints = ON", cancellationToken);
        try
        {
            await using var transaction = (SqliteTransaction)await sqlite.BeginTransactionAsync(cancellationToken);
            await using var insert = sqlite.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {d.Quote(table.Name)} ({string.Join(", ", indexes.Select(i => d.Quote(table.Columns[i].Name)))}) " +
                $"VALUES ({string.Join(", ", indexes.Select((_, n) => "$p" + n.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
            var parameters = indexes.Select((_, n) => insert.Parameters.Add(new SqliteParameter("$p" + n.ToString(System.Globalization.CultureInfo.InvariantCulture), null))).ToArray();
            await insert.PrepareAsync(cancellationToken);
            long count = 0;
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                for (var n = 0; n < indexes.Length; n++)
                {
                    parameters[n].Value = formats[n] is { } format ? SqliteValueConverter.ToStored(row[indexes[n]], format) : SqliteValueConverter.ToStored(row[indexes[n]]);
                }
                await insert.ExecuteNonQueryAsync(cancellationToken);
                count++;
            }
            await transaction.CommitAsync(cancellationToken);
            return count;
        }
        finally
        {
            if (foreignKeys) await ScalarAsync(sqlite, "PRAGMA foreign_keys = ON", CancellationToken.None);
            if (lenient) await ScalarAsync(sqlite, "PRAGMA ignore_check_constraints = OFF", CancellationToken.None);
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
