using MySqlConnector;

namespace Sdv.Connector.Engines.MySql;

/// <summary>MySQL's and MariaDB's faults by error number (https://mariadb.com/kb/en/mariadb-error-code-reference/).</summary>
internal sealed class MySqlFaults : IEngineFaults
{
    public static readonly MySqlFaults Instance = new();

    private static readonly HashSet<int> TransientErrors =
    [
        1205, // lock wait timeout
        1213, // deadlock
        1040, // too many connections
        1053, // server shutdown in progress
        1927, // connection was killed (MariaDB)
        2002, 2003, 2006, 2013, // cannot connect, server gone away, lost connection
    ];

    private MySqlFaults() { }

    public bool IsTransient(Exception exception) => exception is MySqlException my && (TransientErrors.Contains(my.Number) || my.IsTransient);

    /// <summary>1021 disk full, 1114 table full; a storage engine's own failure may only say ENOSPC in its words.</summary>
    public bool IsDiskFull(Exception exception) =>
        exception is MySqlException my && (my.Number is 1021 or 1114 || my.Message.Contains("No space left on device", StringComparison.Ordinal));

    /// <summary>1142 table access denied, 1143 column access denied.</summary>
    public bool IsAccessDenied(Exception exception) => exception is MySqlException { Number: 1142 or 1143 };

    /// <summary>MySQL names a column only in its message, which <c>FailureMessages</c> reads for every engine.</summary>
    public string? ColumnOf(Exception exception) => null;
}
