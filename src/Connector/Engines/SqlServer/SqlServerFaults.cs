using Microsoft.Data.SqlClient;

namespace Sdv.Connector.Engines.SqlServer;

/// <summary>SQL Server's faults by error number; one exception carries several errors, and any of them counts.</summary>
internal sealed class SqlServerFaults : IEngineFaults
{
    public static readonly SqlServerFaults Instance = new();

    /// <summary>Deadlock victim, timeout, network errors, and Azure SQL's throttling and failover numbers.</summary>
    private static readonly HashSet<int> TransientErrors = [1205, -2, 53, 233, 10053, 10054, 10060, 40197, 40501, 40613, 49918, 49919, 49920];

    private SqlServerFaults() { }

    public bool IsTransient(Exception exception) => Any(exception, TransientErrors.Contains);

    /// <summary>1105 filegroup full, 9002 transaction log full.</summary>
    public bool IsDiskFull(Exception exception) => Any(exception, n => n is 1105 or 9002);

    /// <summary>229: the permission was denied on the object.</summary>
    public bool IsAccessDenied(Exception exception) => Any(exception, n => n == 229);

    /// <summary>SQL Server names a column only in its message, which <c>FailureMessages</c> reads for every engine.</summary>
    public string? ColumnOf(Exception exception) => null;

    private static bool Any(Exception exception, Func<int, bool> number) =>
        exception is SqlException sql && sql.Errors.Cast<SqlError>().Any(e => number(e.Number));
}
