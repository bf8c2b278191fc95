using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Faults;

/// <summary>MariaDB raises each error with its error number (SIGNAL ... SET MYSQL_ERRNO), as the server's own would carry.</summary>
public sealed class MariaDbEngineFaultsTests(MariaDbFixture fixture) : EngineFaultsSuite<MariaDbFixture>(fixture)
{
    protected override string DiskFullSql => "BEGIN NOT ATOMIC SIGNAL SQLSTATE 'HY000' SET MYSQL_ERRNO = 1021, MESSAGE_TEXT = 'Disk full; waiting for someone to free some space'; END";

    protected override string AccessDeniedSql => "BEGIN NOT ATOMIC SIGNAL SQLSTATE '42000' SET MYSQL_ERRNO = 1142, MESSAGE_TEXT = 'SELECT command denied to user for table patients'; END";

    protected override string DeadlockSql => "BEGIN NOT ATOMIC SIGNAL SQLSTATE '40001' SET MYSQL_ERRNO = 1213, MESSAGE_TEXT = 'Deadlock found when trying to get lock'; END";
}
