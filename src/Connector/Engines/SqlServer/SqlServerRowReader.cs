using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.SqlServer;

/// <summary>
/// Reads SQL Server rows as canonical values. The source is read in one SNAPSHOT transaction where
/// the database allows snapshot isolation (every table sees the same instant), else READ COMMITTED.
/// SQL Server has no read-only transaction: read-only intent is the connection string's job
/// (<c>ApplicationIntent=ReadOnly</c> against a readable secondary, and a login with read rights only).
/// CLR types without a driver form (geography, geometry, hierarchyid) are read as their text
/// (ToString: WKT for spatial), sql_variant as nvarchar.
/// </summary>
internal sealed class SqlServerRowReader : IRowReader
{
    private readonly ConcurrentQueue<string> _warnings = new();
    private readonly SqlServerDialect _dialect;

    public SqlServerRowReader(SqlServerDialect dialect) => _dialect = dialect;

    public IReadOnlyCollection<string> Warnings => _warnings;

    public async Task<DbTransaction?> BeginReadOnlyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        bool snapshot;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT snapshot_isolation_state FROM sys.databases WHERE database_id = DB_ID()";
            snapshot = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
        }
        return await connection.BeginTransactionAsync(snapshot ? IsolationLevel.Snapshot : IsolationLevel.ReadCommitted, cancellationToken);
    }

    /// <summary>
    /// SQL Server cannot share a snapshot between sessions (bound sessions share a transaction but
    /// not concurrent reads): each connection gets its own transaction, all started together.
    /// </summary>
    public Task<IReadOnlyList<DbTransaction?>> BeginSharedReadOnlyAsync(IReadOnlyList<DbConnection> connections, CancellationToken cancellationToken) =>
        ReadOnlyTransactions.BeginEachAsync(this, connections, cancellationToken);

    public IAsyncEnumerable<object?[]> ReadRowsAsync(DbConnection connection, DbTransaction? transaction, TableSchema table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        return ReadQueryAsync(connection, transaction, new SelectQuery(QueryRowStream.SelectAll(_dialect, table, SelectExpression), table.Columns, table.Name.ToString()), cancellationToken);
    }

    public IAsyncEnumerable<object?[]> ReadQueryAsync(DbConnection connection, DbTransaction? transaction, SelectQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (sql, columns, label, reuseRow) = query;
        return QueryRowStream.ReadAsync(new RowQuery(connection, transaction, sql, columns), new CellReading(ReadCell,
            (i, count, _) => _warnings.Enqueue(string.Create(CultureInfo.InvariantCulture,
                $"{count} value(s) of {label}.{columns[i].Name} ({columns[i].NativeType}) have no {columns[i].LogicalType} form and were read as NULL.")),
            reuseRow), cancellationToken);
    }

    private static bool ReadCell(DbDataReader reader, int ordinal, ColumnSchema column, out object? value, out string? example)
    {
        example = null;
        return CanonicalConversion.TryConvert(reader.GetValue(ordinal), column.LogicalType, out value);
    }

    public string SelectExpression(ColumnSchema column, string columnSql)
    {
        ArgumentNullException.ThrowIfNull(column);
        var name = columnSql;
        var native = column.NativeType.Trim().ToLowerInvariant();
        if (native.StartsWith("geography", StringComparison.Ordinal) || native.StartsWith("geometry", StringComparison.Ordinal)
            || native.StartsWith("hierarchyid", StringComparison.Ordinal))
        {
            return $"{name}.ToString()";
        }
        return native.StartsWith("sql_variant", StringComparison.Ordinal) ? $"CONVERT(nvarchar(max), {name})" : name;
    }
}
