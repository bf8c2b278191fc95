using System.Data.Common;
using MySqlConnector;
using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Nightly;

public sealed class MariaDbNightlyTests(MariaDbFixture fixture) : NightlySuite<MariaDbFixture>(fixture)
{
    private static readonly MySqlConnectionStringBuilder Server = new(MariaDbFixture.ServerConnectionString);

    protected override string Url(TestDatabase database) => $"mariadb://{Server.UserID}@{Server.Server}:{Server.Port}/{database.Name}";

    protected override string? DeadUrl => $"mariadb://{Server.UserID}@127.0.0.1:1/nowhere";

    protected override Func<DbConnection, Task>? KillFromOutside => async connection =>
    {
        var id = ((MySqlConnection)connection).ServerThread;
        await using var admin = new MySqlConnection(MariaDbFixture.ServerConnectionString);
        await admin.OpenAsync();
        await using var kill = new MySqlCommand($"KILL CONNECTION {id}", admin);
        await kill.ExecuteNonQueryAsync();
    };

    protected override async Task<string?> ReadOnlyLoginAsync(TestDatabase source, string user, string password)
    {
        await using var admin = new MySqlConnection(MariaDbFixture.ServerConnectionString);
        await admin.OpenAsync();
        // Both hosts: an anonymous ''@'localhost' account would otherwise win over '%' for local logins.
        foreach (var host in new[] { "%", "localhost" })
        {
            await using var create = new MySqlCommand($"CREATE USER '{user}'@'{host}' IDENTIFIED BY '{password}'; GRANT SELECT, SHOW VIEW ON `{source.Name}`.* TO '{user}'@'{host}'", admin);
            await create.ExecuteNonQueryAsync();
        }
        return $"mariadb://{user}@{Server.Server}:{Server.Port}/{source.Name}";
    }

    protected override async Task DropLoginAsync(TestDatabase source, string user)
    {
        await using var admin = new MySqlConnection(MariaDbFixture.ServerConnectionString);
        await admin.OpenAsync();
        await using var drop = new MySqlCommand($"DROP USER IF EXISTS '{user}'@'%', '{user}'@'localhost'", admin);
        await drop.ExecuteNonQueryAsync();
    }

    protected override async Task<bool> StagingExistsAsync(TestDatabase target) =>
        await target.ScalarAsync<long>($"SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '{target.Name}__sdv_staging'") > 0;
}
