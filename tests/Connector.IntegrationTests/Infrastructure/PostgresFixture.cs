using Npgsql;
using Sdv.Connector.SchemaIntrospection.Model;
using Testcontainers.PostgreSql;

namespace Sdv.Connector.IntegrationTests.Infrastructure;

/// <summary>
/// PostgreSQL 15 with PostGIS, as test.sh installs it: a Testcontainers container where a Docker engine answers
/// (<see cref="DockerEngine"/>), otherwise the server named by <c>SDV_TEST_POSTGRES</c> (test.sh's, and its default).
/// </summary>
public sealed class PostgresFixture : EngineFixture
{
    private static readonly Lazy<string> Server = new(() => DockerEngine.IsReachable
        ? StartContainer()
        : Environment.GetEnvironmentVariable("SDV_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=54329;Username=sdv;Password=sdv;Database=postgres");

    public static string ServerConnectionString => Server.Value;

    public override DatabaseEngine Engine => DatabaseEngine.PostgreSql;

    public override string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public override async Task<TestDatabase> CreateDatabaseAsync()
    {
        var name = UniqueName("sdvt_");
        await using (var admin = new NpgsqlConnection(ServerConnectionString))
        {
            await admin.OpenAsync().ConfigureAwait(false);
            // CREATE DATABASE checkpoints; on a loaded 2-core machine that took over Npgsql's default 30 s and failed two tests.
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin) { CommandTimeout = 300 };
            await create.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        var connectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Pooling = false }.ConnectionString;
        return new TestDatabase(Engine, name, connectionString, () => new NpgsqlConnection(connectionString), async () =>
        {
            await using var admin = new NpgsqlConnection(ServerConnectionString);
            await admin.OpenAsync().ConfigureAwait(false);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin) { CommandTimeout = 300 };
            await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
        });
    }

    /// <summary>One container for the whole run, tuned as test.sh tunes its server; Testcontainers' reaper removes it when the run ends.</summary>
    private static string StartContainer()
    {
        var container = new PostgreSqlBuilder("postgis/postgis:15-3.4")
            .WithUsername("sdv")
            .WithPassword("sdv")
            .WithCommand("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200")
            .Build();
        container.StartAsync().GetAwaiter().GetResult();
        return container.GetConnectionString();
    }
}
