using Microsoft.Data.SqlClient;
using Sdv.Connector.SchemaIntrospection.Model;
using Testcontainers.MsSql;

namespace Sdv.Connector.IntegrationTests.Infrastructure;

/// <summary>
/// SQL Server: a Testcontainers container where a Docker engine answers (<see cref="DockerEngine"/>), otherwise the
/// server named by <c>SDV_TEST_SQLSERVER</c>; with neither, the engine's tests are skipped, with that reason.
/// </summary>
public sealed class SqlServerFixture : EngineFixture
{
    private static readonly Lazy<string?> Server = new(() => DockerEngine.IsReachable
        ? StartContainer()
        : Environment.GetEnvironmentVariable("SDV_TEST_SQLSERVER"));

    public static string? ServerConnectionString => Server.Value;

    public override DatabaseEngine Engine => DatabaseEngine.SqlServer;

    public override string? SkipReason => ServerConnectionString is null
        ? "SQL Server tests need a server: no Docker engine answers here for Testcontainers to start one, and SDV_TEST_SQLSERVER (a connection string) is not set."
        : null;

    public override string Quote(string identifier) => "[" + identifier.Replace("]", "]]", StringComparison.Ordinal) + "]";

    public override async Task<TestDatabase> CreateDatabaseAsync()
    {
        var server = ServerConnectionString ?? throw new InvalidOperationException(SkipReason);
        var name = UniqueName("sdvt_");
        await using (var admin = new SqlConnection(server))
        {
            await admin.OpenAsync().ConfigureAwait(false);
            await using var create = new SqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        var connectionString = new SqlConnectionStringBuilder(server) { InitialCatalog = name, Pooling = false }.ConnectionString;
        return new TestDatabase(Engine, name, connectionString, () => new SqlConnection(connectionString), async () =>
        {
            await using var admin = new SqlConnection(server);
            await admin.OpenAsync().ConfigureAwait(false);
            await using var drop = new SqlCommand($"ALTER DATABASE {name} SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE {name}", admin);
            await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
        });
    }

    /// <summary>One container for the whole run; Testcontainers' reaper removes it when the run ends.</summary>
    private static string StartContainer()
    {
        var container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-CU14-ubuntu-22.04").Build();
        container.StartAsync().GetAwaiter().GetResult();
        return container.GetConnectionString();
    }
}
