using MySqlConnector;
using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Faults;

public sealed class MariaDbCancelAtEveryStepTests(MariaDbFixture fixture) : CancelAtEveryStepSuite<MariaDbFixture>(fixture)
{
    private static readonly MySqlConnectionStringBuilder Server = new(MariaDbFixture.ServerConnectionString);

    protected override string Url(TestDatabase database) => $"mariadb://{Server.UserID}@{Server.Server}:{Server.Port}/{database.Name}";

    protected override async Task<long> LeftoversAsync(TestDatabase target) =>
        await target.ScalarAsync<long>($"SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name IN ('{target.Name}__sdv_staging', '{target.Name}__sdv_old')");

    protected override async Task<long> TablesAsync(TestDatabase database) =>
        await database.ScalarAsync<long>("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()");
}
