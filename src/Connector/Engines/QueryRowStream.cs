using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>
/// The loop every engine's row reader shares: run the query with SequentialAccess and no timeout,
/// read each cell once through the engine's <see cref="CellReader"/>, stream the rows, and report
/// once per column how many cells had no canonical form (they are read as NULL).
/// </summary>
internal static class QueryRowStream
{
    /// <summary>SELECT of every column of a table, each through the reader's select-list expression, in the table's order.</summary>
    public static string SelectAll(ISqlDialect dialect, TableSchema table, Func<ColumnSchema, string, string> selectExpression)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(selectExpression);
        return $"SELECT {string.Join(", ", table.Columns.Select(c => selectExpression(c, dialect.Quote(c.Name))))} FROM {From(dialect, table)}";
    }

    /// <summary>
    /// The table in a FROM clause, its own rows only: a PostgreSQL table that others inherit from is read
    /// with ONLY (a plain FROM would add every inheriting table's rows to its own).
    /// </summary>
    public static string From(ISqlDialect dialect, TableSchema table)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(table);
        return (table.Annotations.ContainsKey("postgresql:inherited") ? "ONLY " : "") + dialect.Quote(table.Name);
    }

    /// <summary>The rows of <paramref name="query"/>, each cell read as <paramref name="reading"/> says (the loop runs over locals, never the records).</summary>
    public static async IAsyncEnumerable<object?[]> ReadAsync(RowQuery query, CellReading reading, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(reading);
        var (connection, transaction, sql, columns) = query;
        var (read, unreadable, reuseRow, readsNulls) = reading;
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(unreadable);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        var failures = new long[columns.Count];
        var examples = new string?[columns.Count];
        await using (var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken))
        {
            var width = columns.Count;
            var shared = reuseRow ? new object?[width] : null;
            // Read, not ReadAsync: rows arrive in a stream the driver buffers, and an awaited read per
            // row cost more (async state, socket events, thread-pool wake-ups) than the rare blocking
            // refill; the callers read on workers of their own, and cancellation is checked per row.
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var row = shared ?? new object?[width];
                // SequentialAccess: each cell is read once, in order. IsDBNull, not IsDBNullAsync: the
                // cell's header is almost always in the buffer the row's read filled, and an awaited
                // call per cell cost more than the rare blocking refill (GetValue is synchronous anyway).
                for (var i = 0; i < width; i++)
                {
                    if (!readsNulls && reader.IsDBNull(i))
                    {
                        row[i] = null;
                    }
                    else if (read(reader, i, columns[i], out var value, out var example))
                    {
                        row[i] = value;
                    }
                    else
                    {
                        row[i] = null;
                        failures[i]++;
                        examples[i] ??= example;
                    }
                }
                yield return row;
            }
        }
        for (var i = 0; i < failures.Length; i++)
        {
            // A parent's column read beside its children is reported once, for the parent's own table.
            if (failures[i] > 0 && !Synthesis.MultiTable.AppendedColumn.IsParentCopy(columns[i].Name)) unreadable(i, failures[i], examples[i]);
        }
    }
}
