using DotNet.Testcontainers.Builders;
using MySqlConnector;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.IntegrationTests.Infrastructure;

/// <summary>
/// MariaDB: a Testcontainers container where a Docker engine answers (<see cref="DockerEngine"/>; the feed has no
/// MariaDB module, so the generic builder), otherwise the server named by <c>SDV_TEST_MARIADB</c> (test.sh's, and its default).
/// </summary>
public sealed class MariaDbFixture : EngineFixture
{
    private const int Port = 3306;

    private static readonly Lazy<string> Server = new(() => DockerEngine.IsReachable
        ? StartContainer()
        : Environment.GetEnvironmentVariable("SDV_TEST_MARIADB") ?? "Server=127.0.0.1;Port=33069;User ID=sdv;Password=sdv;AllowLoadLocalInfile=true");

    public static string ServerConnectionString => Server.Value;

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

    /// <summary>
    /// One container for the whole run, with test.sh's server options; the tests connect as root, which may create
    /// databases as test.sh's sdv may. Ready when the image's own health check sees InnoDB up: the image first runs a
    /// server without networking to initialise, so a port or log line alone can come too early.
    /// </summary>
    private static string StartContainer()
    {
        var container = new ContainerBuilder("mariadb:11.4")
            .WithEnvironment("MARIADB_ROOT_PASSWORD", "sdv")
            .WithPortBinding(Port, assignRandomHostPort: true)
            .WithCommand("--innodb-flush-log-at-trx-commit=0", "--skip-log-bin", "--max-connections=300", "--local-infile=1")
            .WithWaitStrategy(Wait.ForUnixContainer().UntilCommandIsCompleted("healthcheck.sh", "--connect", "--innodb_initialized"))
            .Build();
        container.StartAsync().GetAwaiter().GetResult();
        return new MySqlConnectionStringBuilder
        {
            Server = container.Hostname,
            Port = container.GetMappedPublicPort(Port),
            UserID = "root",
            Password = "sdv",
            AllowLoadLocalInfile = true,
        }.ConnectionString;
    }
}
