using System.Data.Common;
using MySqlConnector;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.Nightly.Staging.MySql;
using Xunit;

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

    [Fact]
    public void Lock_names_stay_within_64_characters_and_differ_per_database()
    {
        Assert.Equal("sdv-connector:shop", MySqlStaging.LockName("shop"));
        var longest = new string('a', 64);
        var other = new string('a', 63) + "b";
        Assert.Equal(64, MySqlStaging.LockName(longest).Length);
        Assert.Equal(64, MySqlStaging.LockName(other).Length);
        Assert.NotEqual(MySqlStaging.LockName(longest), MySqlStaging.LockName(other));
        Assert.Equal(MySqlStaging.LockName(longest), MySqlStaging.LockName(new string('a', 64)));
    }

    protected override async Task<IAsyncDisposable> TakeLockAsAnotherProcessAsync(TestDatabase target)
    {
        var session = new MySqlConnection(target.ConnectionString);
        await session.OpenAsync();
        await using var take = new MySqlCommand("SELECT GET_LOCK(@name, 0)", session);
        take.Parameters.AddWithValue("@name", "sdv-connector:" + target.Name);
        Assert.Equal(1L, Convert.ToInt64(await take.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        return session;
    }

    protected override async Task<bool> StagingExistsAsync(TestDatabase target) =>
        await target.ScalarAsync<long>($"SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '{target.Name}__sdv_staging'") > 0;
}
