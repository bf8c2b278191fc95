using Microsoft.Data.SqlClient;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.IntegrationTests.Infrastructure;

/// <summary>SQL Server from <c>SDV_TEST_SQLSERVER</c>; without it the engine's tests are skipped, with that reason.</summary>
public sealed class SqlServerFixture : EngineFixture
{
    public static readonly string? ServerConnectionString = Environment.GetEnvironmentVariable("SDV_TEST_SQLSERVER");

    public override DatabaseEngine Engine => DatabaseEngine.SqlServer;

    public override string? SkipReason => ServerConnectionString is null
        ? "SQL Server tests need a server: set SDV_TEST_SQLSERVER to a connection string (no Docker engine runs here for Testcontainers)."
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
}
