using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.Sqlite;

/// <summary>
/// Streams a SQLite table as canonical values, converting each stored value by the column's logical
/// type (<see cref="SqliteValueConverter"/>). A cell that cannot be converted is read as null, and
/// each such column gets one line in <see cref="Warnings"/> per read, with the count and an example.
/// The source is opened read-only by the caller (<c>Mode=ReadOnly</c> in the connection string):
/// SQLite has no read-only transaction, so that is what keeps the source untouched.
/// </summary>
internal sealed class SqliteRowReader : IRowReader
{
    private readonly ConcurrentQueue<string> _warnings = new();

    /// <summary>One line per column that had unconvertible cells, per read.</summary>
    public IReadOnlyCollection<string> Warnings => _warnings;

    /// <summary>A deferred transaction: it takes a shared lock at the first read and holds one snapshot until it ends.</summary>
    public Task<DbTransaction?> BeginReadOnlyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        cancellationToken.ThrowIfCancellationRequested();
        var sqlite = connection as SqliteConnection
            ?? throw new ArgumentException($"The SQLite reader needs a SqliteConnection, not {connection.GetType().Name}.", nameof(connection));
        return Task.FromResult<DbTransaction?>(sqlite.BeginTransaction(IsolationLevel.Serializable, deferred: true));
    }

    /// <summary>
    /// A deferred transaction on each connection. SQLite cannot hand one connection's snapshot to
    /// another: each takes its own at its first read; the source is opened read-only, so only another
    /// process writing the file meanwhile could make them differ.
    /// </summary>
    public Task<IReadOnlyList<DbTransaction?>> BeginSharedReadOnlyAsync(IReadOnlyList<DbConnection> connections, CancellationToken cancellationToken) =>
        ReadOnlyTransactions.BeginEachAsync(this, connections, cancellationToken);

    public IAsyncEnumerable<object?[]> ReadRowsAsync(DbConnection connection, DbTransaction? transaction, TableSchema table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        return ReadQueryAsync(connection, transaction, new SelectQuery(QueryRowStream.SelectAll(SqliteDialect.Instance, table, SelectExpression), table.Columns, table.Name.ToString()), cancellationToken);
    }

    public IAsyncEnumerable<object?[]> ReadQueryAsync(DbConnection connection, DbTransaction? transaction, SelectQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (sql, columns, label, reuseRow) = query;
        return QueryRowStream.ReadAsync(new RowQuery(connection, transaction, sql, columns), new CellReading(ReadCell,
            (i, count, example) => _warnings.Enqueue($"{label}.{columns[i].Name}: {count} stored value(s) could not be read as {columns[i].LogicalType} and were read as NULL (first: {example})."),
            reuseRow, ReadsNulls: true), cancellationToken);
    }

    /// <summary>A cell, NULL included (one GetValue, which gives DBNull for NULL, instead of IsDBNull then GetValue).</summary>
    private static bool ReadCell(DbDataReader reader, int ordinal, ColumnSchema column, out object? value, out string? example)
    {
        var raw = reader.GetValue(ordinal);
        example = null;
        if (raw is DBNull)
        {
            value = null;
            return true;
        }

        if (column.Annotations.TryGetValue(SchemaIntrospection.Engines.Sqlite.SqliteTextColumns.FormatAnnotation, out var format) && raw is string text
            ? SqliteValueConverter.TryReadFormatted(text, column.LogicalType, format, out value)
            : SqliteValueConverter.TryRead(raw, column.LogicalType, out value))
        {
            return true;
        }

        example = raw is byte[] bytes ? $"a blob of {bytes.Length} bytes" : $"'{raw}'";
        return false;
    }

    /// <summary>SQLite hands back what is stored; conversion happens on read.</summary>
    public string SelectExpression(ColumnSchema column, string columnSql) => columnSql;
}
