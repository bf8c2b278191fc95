using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Faults;

/// <summary>PostgreSQL raises each error with its SQLSTATE (RAISE ... USING ERRCODE), as the server's own would carry.</summary>
public sealed class PostgresEngineFaultsTests(PostgresFixture fixture) : EngineFaultsSuite<PostgresFixture>(fixture)
{
    protected override string DiskFullSql => "DO $$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$";

    protected override string AccessDeniedSql => "DO $$ BEGIN RAISE EXCEPTION 'permission denied for table patients' USING ERRCODE = 'insufficient_privilege'; END $$";

    protected override string DeadlockSql => "DO $$ BEGIN RAISE EXCEPTION 'deadlock detected' USING ERRCODE = 'deadlock_detected'; END $$";
}
