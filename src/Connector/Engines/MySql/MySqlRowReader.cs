using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using MySqlConnector;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.MySql;

/// <summary>
/// Reads MySQL/MariaDB rows as canonical values. The source is read inside one
/// <c>START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY</c> at REPEATABLE READ, so every table
/// sees the same instant and the server refuses any write. Values the canonical form cannot hold
/// become NULL and are counted in <see cref="Warnings"/> (one line per column and read): zero dates
/// (<c>0000-00-00</c>, <c>2020-00-10</c>), TIME values outside 00:00–24:00, BIGINT UNSIGNED values
/// beyond Int64 in a column typed Int64. Dates and datetimes are selected as text and parsed, because
/// MySqlConnector throws on a zero date unless the connection string says AllowZeroDateTime, and the
/// source's connection string is the user's. Spatial columns are read as WKT (ST_AsText), BIT(n) as a
/// string of binary digits (BIN), BIT(1) booleans as numbers.
/// </summary>
internal sealed class MySqlRowReader : IRowReader
{
    private readonly ConcurrentQueue<string> _warnings = new();
    private readonly MySqlDialect _dialect;

    public MySqlRowReader(MySqlDialect dialect) => _dialect = dialect;

    /// <summary>Values read as NULL because they had no canonical form, one line per column and read.</summary>
    public IReadOnlyCollection<string> Warnings => _warnings;

    public async Task<DbTransaction?> BeginReadOnlyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // MySqlConnector turns Snapshot into REPEATABLE READ + WITH CONSISTENT SNAPSHOT; isReadOnly adds READ ONLY.
        return await ((MySqlConnection)connection).BeginTransactionAsync(IsolationLevel.Snapshot, isReadOnly: true, cancellationToken);
    }

    /// <summary>
    /// MySQL and MariaDB cannot share a snapshot between sessions (there is no pg_export_snapshot):
    /// each connection gets its own consistent-snapshot read-only transaction, all started together,
    /// so their instants differ by the time it takes to start them; a write committed in between can
    /// be seen by some sessions and not others.
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
                $"{count} value(s) of {label}.{columns[i].Name} ({columns[i].NativeType}) have no {columns[i].LogicalType} form (zero dates, TIME beyond 24 hours or numbers beyond Int64) and were read as NULL.")),
            reuseRow), cancellationToken);
    }

    private static bool ReadCell(DbDataReader reader, int ordinal, ColumnSchema column, out object? value, out string? example)
    {
        example = null;
        return TryRead((MySqlDataReader)reader, ordinal, column.LogicalType, out value);
    }

    public string SelectExpression(ColumnSchema column, string columnSql)
    {
        ArgumentNullException.ThrowIfNull(column);
        var name = columnSql;
        var native = column.NativeType.TrimStart().ToLowerInvariant();
        return column.LogicalType switch
        {
            // As text: the driver throws on zero dates unless the connection string allows them; text is read either way.
            LogicalType.Date or LogicalType.DateTime or LogicalType.DateTimeWithTimeZone => $"CAST({name} AS CHAR)",
            // EWKT, as PostGIS writes it: the SRID travels with the shape.
            LogicalType.Spatial => $"CONCAT('SRID=', ST_SRID({name}), ';', ST_AsText({name}))",
            LogicalType.Bit when native.StartsWith("bit", StringComparison.Ordinal) => $"BIN({name})",
            LogicalType.Boolean when native.StartsWith("bit", StringComparison.Ordinal) => $"CAST({name} AS UNSIGNED)",
            _ => name,
        };
    }

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.f", "yyyy-MM-dd HH:mm:ss.ff", "yyyy-MM-dd HH:mm:ss.fff",
        "yyyy-MM-dd HH:mm:ss.ffff", "yyyy-MM-dd HH:mm:ss.fffff", "yyyy-MM-dd HH:mm:ss.ffffff",
    ];

    private static bool TryRead(MySqlDataReader reader, int ordinal, LogicalType type, out object? value)
    {
        if (type is LogicalType.Date or LogicalType.DateTime or LogicalType.DateTimeWithTimeZone)
        {
            // A zero date (0000-00-00) or a zero part (2020-00-10) does not parse: it has no DateTime.
            if (!DateTime.TryParseExact(reader.GetString(ordinal), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                value = null;
                return false;
            }
            return CanonicalConversion.TryConvert(date, type, out value);
        }
        return CanonicalConversion.TryConvert(reader.GetValue(ordinal), type, out value);
    }
}
