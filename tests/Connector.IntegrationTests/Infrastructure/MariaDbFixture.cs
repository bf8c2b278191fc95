using MySqlConnector;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.IntegrationTests.Infrastructure;

public sealed class MariaDbFixture : EngineFixture
{
    public static readonly string ServerConnectionString =
        Environment.GetEnvironmentVariable("SDV_TEST_MARIADB")
        ?? "Server=127.0.0.1;Port=33069;User ID=sdv;Password=sdv;AllowLoadLocalInfile=true";

    public override DatabaseEngine Engine => DatabaseEngine.MySql;

    public override string Quote(string identifier) => "`" + identifier.Replace("`", "``", StringComparison.Ordinal) + "`";

    public override async Task<TestDatabase> CreateDatabaseAsync()
    {
        var name = UniqueName("sdvt_");
        await using (var admin = new MySqlConnection(ServerConnectionString))
        {
            await admin.OpenAsync().ConfigureAwait(false);
            await using var create = new MySqlCommand($"CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", admin);
            await create.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        var connectionString = new MySqlConnectionStringBuilder(ServerConnectionString) { Database = name, Pooling = false }.ConnectionString;
        return new TestDatabase(Engine, name, connectionString, () => new MySqlConnection(connectionString), async () =>
        {
            await using var admin = new MySqlConnection(ServerConnectionString);
            await admin.OpenAsync().ConfigureAwait(false);
            await using var drop = new MySqlCommand($"DROP DATABASE IF EXISTS {name}", admin);
            await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
        });
    }
}
