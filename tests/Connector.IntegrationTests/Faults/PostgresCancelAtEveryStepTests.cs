using Npgsql;
using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Faults;

public sealed class PostgresCancelAtEveryStepTests(PostgresFixture fixture) : CancelAtEveryStepSuite<PostgresFixture>(fixture)
{
    private static readonly NpgsqlConnectionStringBuilder Server = new(PostgresFixture.ServerConnectionString);

    protected override string Url(TestDatabase database) => $"postgresql://{Server.Username}@{Server.Host}:{Server.Port}/{database.Name}";

    protected override async Task<long> LeftoversAsync(TestDatabase target) =>
        await target.ScalarAsync<long>("SELECT COUNT(*) FROM pg_namespace WHERE nspname LIKE '%\\_\\_sdv\\_staging' OR nspname LIKE '%\\_\\_sdv\\_old'");

    protected override async Task<long> TablesAsync(TestDatabase database) =>
        await database.ScalarAsync<long>("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'");
}
