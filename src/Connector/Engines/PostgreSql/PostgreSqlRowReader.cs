using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Npgsql;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.PostgreSql;

/// <summary>
/// Streams a PostgreSQL table as canonical values (<see cref="CanonicalValues"/>). Every column whose
/// canonical form is text (json, enums, domains, arrays, ranges, network and other exotics) is selected
/// as <c>col::text</c>, so PostgreSQL itself prints it; intervals are read as seconds
/// (<c>extract(epoch ...)</c>, a month counting 30 days), because a TimeSpan has no months.
/// A cell that cannot be converted (an infinite date, a numeric beyond decimal's range) is read as
/// null and reported once per column in <see cref="Warnings"/>.
/// </summary>
internal sealed class PostgreSqlRowReader : IRowReader
{
    private readonly ConcurrentQueue<string> _warnings = new();

    private const string InEngineOrder = "SET LOCAL synchronize_seqscans = off";

    /// <summary>
    /// The reader's queries run on one session per table read at once, so the tool already uses the processors: a
    /// parallel plan on top built every hash of a child's join (its parent's children counted and averaged) once per
    /// worker. On the 1M-row benchmark the server spent 8.1 CPU seconds on the fit's queries with parallel workers and
    /// JIT, 4.7 without, for the same wall time per query; on two cores those seconds were taken from the fit itself.
    /// Both settings are the session's own (SET LOCAL, for the read-only transaction) and need no privilege.
    /// </summary>
    private static string ServerSideSerial(DbConnection connection)
    {
        var version = (connection as NpgsqlConnection)?.PostgreSqlVersion;
        var settings = "";
        if (version is null || version >= new Version(9, 6)) settings += "; SET LOCAL max_parallel_workers_per_gather = 0";
        if (version is null || version >= new Version(11, 0)) settings += "; SET LOCAL jit = off";
        return settings;
    }

    /// <summary>One line per column that had unreadable cells, per read.</summary>
    public IReadOnlyCollection<string> Warnings => _warnings;

    /// <summary>
    /// BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY: one snapshot for every table read, and no write can slip through.
    /// Synchronised scans off: a table without a key is read in the engine's order, and with them on, a scan that starts
    /// while another session scans the same table (a child's context join beside its parent's own read) starts midway,
    /// so the rows came in another order and the model of the same source and seed could differ by a few bytes.
    /// </summary>
    public async Task<DbTransaction?> BeginReadOnlyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SET TRANSACTION READ ONLY; {InEngineOrder}{ServerSideSerial(connection)}";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }

    /// <summary>
    /// One snapshot for every session: the first connection begins its REPEATABLE READ READ ONLY
    /// transaction and exports its snapshot (<c>pg_export_snapshot()</c>); every other one begins the
    /// same kind of transaction and imports it (<c>SET TRANSACTION SNAPSHOT</c>) before any query. The
    /// exporting transaction stays open as long as the others, which keeps the snapshot importable.
    /// </summary>
    public async Task<IReadOnlyList<DbTransaction?>> BeginSharedReadOnlyAsync(IReadOnlyList<DbConnection> connections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connections);
        var transactions = new List<DbTransaction?>(connections.Count);
        try
        {
            if (connections.Count == 0) return transactions;
            var first = await BeginReadOnlyAsync(connections[0], cancellationToken);
            transactions.Add(first);
            if (connections.Count == 1) return transactions;
            string snapshot;
            await using (var export = connections[0].CreateCommand())
            {
                export.Transaction = first;
                export.CommandText = "SELECT pg_export_snapshot()";
                snapshot = (string)(await export.ExecuteScalarAsync(cancellationToken))!;
            }
            // SET TRANSACTION SNAPSHOT takes a literal, not a parameter; the server's identifier is hex digits and dashes.
            if (snapshot.Length == 0 || !snapshot.All(static c => char.IsAsciiHexDigit(c) || c == '-'))
                throw new InvalidOperationException($"PostgreSQL exported a snapshot identifier of an unexpected form: '{snapshot}'.");
            for (var i = 1; i < connections.Count; i++)
            {
                var transaction = await connections[i].BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
                transactions.Add(transaction);
                await using var import = connections[i].CreateCommand();
                import.Transaction = transaction;
                // The import must come before any query of the transaction.
                import.CommandText = $"SET TRANSACTION SNAPSHOT '{snapshot}'; SET TRANSACTION READ ONLY; {InEngineOrder}{ServerSideSerial(connections[i])}";
                await import.ExecuteNonQueryAsync(cancellationToken);
            }
            return transactions;
        }
        catch
        {
            await ReadOnlyTransactions.DisposeAsync(transactions);
            throw;
        }
    }

    public IAsyncEnumerable<object?[]> ReadRowsAsync(DbConnection connection, DbTransaction? transaction, TableSchema table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        return ReadQueryAsync(connection, transaction, new SelectQuery(QueryRowStream.SelectAll(PostgreSqlDialect.Instance, table, SelectExpression), table.Columns, table.Name.ToString()), cancellationToken);
    }

    public IAsyncEnumerable<object?[]> ReadQueryAsync(DbConnection connection, DbTransaction? transaction, SelectQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (sql, columns, label, reuseRow) = query;
        return QueryRowStream.ReadAsync(new RowQuery(connection, transaction, sql, columns), new CellReading(ReadCell,
            (i, count, example) => _warnings.Enqueue($"{label}.{columns[i].Name}: {count} cell(s) could not be read as {columns[i].LogicalType} and were read as NULL ({example})."),
            reuseRow), cancellationToken);
    }

    private static bool ReadCell(DbDataReader reader, int ordinal, ColumnSchema column, out object? value, out string? example)
    {
        try
        {
            value = Read(reader, ordinal, column.LogicalType);
            example = null;
            return true;
        }
        catch (Exception e) when (e is InvalidCastException or OverflowException or FormatException or ArgumentException)
        {
            (value, example) = (null, e.Message);
            return false;
        }
    }

    /// <summary>
    /// Integers and doubles through the typed getters, so a cell is boxed once (GetValue boxes the
    /// driver's value, and a widening conversion boxed it again); the values are the same as
    /// <see cref="Convert"/>'s.
    /// </summary>
    private static object Read(DbDataReader reader, int ordinal, LogicalType type)
    {
        switch (type)
        {
            case LogicalType.Int8 or LogicalType.Int16 or LogicalType.Int32 or LogicalType.Int64:
                var field = reader.GetFieldType(ordinal);
                if (field == typeof(long)) return reader.GetInt64(ordinal);
                if (field == typeof(int)) return (long)reader.GetInt32(ordinal);
                if (field == typeof(short)) return (long)reader.GetInt16(ordinal);
                break;
            case LogicalType.Float64 when reader.GetFieldType(ordinal) == typeof(double):
                return reader.GetDouble(ordinal);
        }
        return Convert(reader.GetValue(ordinal), type);
    }

    public string SelectExpression(ColumnSchema column, string columnSql)
    {
        ArgumentNullException.ThrowIfNull(column);
        var q = columnSql;
        if (column.LogicalType == LogicalType.Interval) return $"extract(epoch from {q})";
        if (column.LogicalType == LogicalType.Money) return $"{q}::numeric";
        // inet's cast to text adds a /32 its output function leaves out; format's %s uses the output function.
        if (column.LogicalType == LogicalType.Network) return $"format('%s', {q})";
        // Arrays as JSON arrays (nested for several dimensions), the canonical form every engine can store.
        if (column.LogicalType == LogicalType.Array) return $"array_to_json({q})::text";
        // PostGIS geometries as EWKT: the SRID travels with the shape.
        if (column.LogicalType == LogicalType.Spatial && IsPostGis(column.NativeType)) return $"ST_AsEWKT({q})";
        return CanonicalValues.ClrType(column.LogicalType) == typeof(string) ? $"{q}::text" : q;
    }

    /// <summary>A PostGIS type (geometry, geography, with or without modifiers), not one of PostgreSQL's own geometric types.</summary>
    public static bool IsPostGis(string nativeType)
    {
        ArgumentNullException.ThrowIfNull(nativeType);
        var name = nativeType.Trim().ToLowerInvariant();
        var dot = name.LastIndexOf('.', name.IndexOf('(', StringComparison.Ordinal) is var p && p >= 0 ? p : name.Length - 1);
        if (dot >= 0) name = name[(dot + 1)..];
        return name.StartsWith("geometry", StringComparison.Ordinal) || name.StartsWith("geography", StringComparison.Ordinal);
    }

    /// <summary>Npgsql's default CLR value of the selected expression to the canonical value of the logical type.</summary>
    public static object Convert(object raw, LogicalType type)
    {
        var inv = CultureInfo.InvariantCulture;
        return type switch
        {
            // A value already of the canonical type is returned as it is, not unboxed and boxed again.
            LogicalType.Boolean => raw is bool ? raw : System.Convert.ToInt64(raw, inv) != 0,
            LogicalType.Int8 or LogicalType.Int16 or LogicalType.Int32 or LogicalType.Int64 => raw is long ? raw : System.Convert.ToInt64(raw, inv),
            LogicalType.Decimal or LogicalType.Money => raw is decimal ? raw : System.Convert.ToDecimal(raw, inv),
            // A real's shortest text is what the user wrote; widening its bits would add digits.
            LogicalType.Float32 => raw is float f ? double.Parse(f.ToString("R", inv), inv) : System.Convert.ToDouble(raw, inv),
            LogicalType.Float64 => raw is double ? raw : System.Convert.ToDouble(raw, inv),
            LogicalType.Date => raw switch
            {
                DateOnly => raw,
                DateTime dt => DateOnly.FromDateTime(dt),
                _ => throw new InvalidCastException($"Cannot read {raw.GetType().Name} as a date."),
            },
            LogicalType.Time or LogicalType.TimeWithTimeZone => raw switch
            {
                TimeSpan ts => TimeOnly.FromTimeSpan(ts),
                TimeOnly t => t,
                DateTimeOffset dto => TimeOnly.FromTimeSpan(dto.TimeOfDay),
                DateTime dt => TimeOnly.FromDateTime(dt),
                _ => throw new InvalidCastException($"Cannot read {raw.GetType().Name} as a time."),
            },
            LogicalType.DateTime => raw switch
            {
                DateTime dt => DateTime.SpecifyKind(dt, DateTimeKind.Unspecified),
                DateTimeOffset dto => DateTime.SpecifyKind(dto.UtcDateTime, DateTimeKind.Unspecified),
                _ => throw new InvalidCastException($"Cannot read {raw.GetType().Name} as a timestamp."),
            },
            LogicalType.DateTimeWithTimeZone => raw switch
            {
                DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc), TimeSpan.Zero),
                DateTimeOffset dto => dto.ToUniversalTime(),
                _ => throw new InvalidCastException($"Cannot read {raw.GetType().Name} as a timestamp with time zone."),
            },
            LogicalType.Interval => raw is TimeSpan span ? span : TimeSpan.FromTicks((long)decimal.Round(System.Convert.ToDecimal(raw, inv) * TimeSpan.TicksPerSecond)),
            LogicalType.Uuid => raw is Guid ? raw : Guid.Parse(System.Convert.ToString(raw, inv)!, inv),
            LogicalType.Binary => raw is byte[] bytes ? bytes : throw new InvalidCastException($"Cannot read {raw.GetType().Name} as bytes."),
            _ => raw as string ?? System.Convert.ToString(raw, inv)!,
        };
    }
}
