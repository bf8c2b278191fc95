using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;
using Sdv.Connector.Cli;

namespace Sdv.Connector.Nightly;

/// <summary>
/// Which failures are worth another try: the connection dropped or was refused (a server
/// restarting), the server shutting down or killing the session, a deadlock, a serialization
/// failure, a timeout. A wrong password, a missing table or a constraint violation is not:
/// trying again gives the same answer.
/// </summary>
internal static class TransientFaults
{
    private static readonly HashSet<string> PostgresStates = new(StringComparer.Ordinal)
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

    private static readonly HashSet<int> MySqlErrors =
    [
        1205, // lock wait timeout
        1213, // deadlock
        1040, // too many connections
        1053, // server shutdown in progress
        1927, // connection was killed (MariaDB)
        2002, 2003, 2006, 2013, // cannot connect, server gone away, lost connection
    ];

    private static readonly HashSet<int> SqlServerErrors = [1205, -2, 53, 233, 10053, 10054, 10060, 40197, 40501, 40613, 49918, 49919, 49920];

    public static bool IsTransient(Exception exception)
    {
        // A full disk stays full for the seconds a retry waits: fail at once, with its own message.
        if (DiskFull.Is(exception)) return false;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case OperationCanceledException:
                    return false;
                case UserInputException input when input.ExitCode != ExitCodes.ConnectionFailed:
                    return false;
                case PostgresException pg:
                    return PostgresStates.Contains(pg.SqlState);
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
                case MySqlException my when MySqlErrors.Contains(my.Number) || my.IsTransient:
                    return true;
                case SqlException sql when sql.Errors.Cast<SqlError>().Any(x => SqlServerErrors.Contains(x.Number)):
                    return true;
                case SqliteException lite when lite.SqliteErrorCode is 5 or 6: // busy, locked
                    return true;
                case TimeoutException or SocketException or IOException or EndOfStreamException:
                    return true;
            }
        }
        return false;
    }
}
