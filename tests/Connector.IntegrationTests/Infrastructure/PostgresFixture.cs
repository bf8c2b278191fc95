using Npgsql;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.IntegrationTests.Infrastructure;

public sealed class PostgresFixture : EngineFixture
{
    public static readonly string ServerConnectionString =
        Environment.GetEnvironmentVariable("SDV_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=54329;Username=sdv;Password=sdv;Database=postgres";

    public override DatabaseEngine Engine => DatabaseEngine.PostgreSql;

    public override string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public override async Task<TestDatabase> CreateDatabaseAsync()
    {
        var name = UniqueName("sdvt_");
        await using (var admin = new NpgsqlConnection(ServerConnectionString))
        {
            await admin.OpenAsync().ConfigureAwait(false);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        var connectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Pooling = false }.ConnectionString;
        return new TestDatabase(Engine, name, connectionString, () => new NpgsqlConnection(connectionString), async () =>
        {
            await using var admin = new NpgsqlConnection(ServerConnectionString);
            await admin.OpenAsync().ConfigureAwait(false);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
        });
    }
}
