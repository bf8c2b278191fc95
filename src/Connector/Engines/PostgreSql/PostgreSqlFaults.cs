using System.Text.RegularExpressions;
using Npgsql;

namespace Sdv.Connector.Engines.PostgreSql;

/// <summary>PostgreSQL's faults by SQLSTATE (https://www.postgresql.org/docs/current/errcodes-appendix.html).</summary>
internal sealed partial class PostgreSqlFaults : IEngineFaults
{
    public static readonly PostgreSqlFaults Instance = new();

    private static readonly HashSet<string> TransientStates = new(StringComparer.Ordinal)
    {
        "40001", // serialization_failure
        "40P01", // deadlock_detected
        "55P03", // lock_not_available
        "57P01", // admin_shutdown (also pg_terminate_backend)
        "57P02", // crash_shutdown
        "57P03", // cannot_connect_now (starting up)
        "53300", // too_many_connections
        "08000", "08003", "08006", "08001", "08004", // connection exceptions
    };

    private PostgreSqlFaults() { }

    /// <summary>A server error by its state; a driver error (no state: a broken socket, a timeout) as Npgsql judges it.</summary>
    public bool IsTransient(Exception exception) => exception switch
    {
        PostgresException pg => TransientStates.Contains(pg.SqlState),
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => false,
    };

    public bool IsDiskFull(Exception exception) => exception is PostgresException { SqlState: "53100" }; // disk_full

    public bool IsAccessDenied(Exception exception) => exception is PostgresException { SqlState: "42501" }; // insufficient_privilege

    /// <summary>The error's column field, else the column COPY was at ("COPY t, line 3, column c").</summary>
    public string? ColumnOf(Exception exception)
    {
        if (exception is not PostgresException pg) return null;
        if (!string.IsNullOrEmpty(pg.ColumnName)) return pg.ColumnName;
        return pg.Where is { } where && CopyColumn().Match(where) is { Success: true } m ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"column (\w+)")]
    private static partial Regex CopyColumn();
}
