using Microsoft.Data.Sqlite;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.IntegrationTests.Infrastructure;

public sealed class SqliteFixture : EngineFixture
{
    public override DatabaseEngine Engine => DatabaseEngine.Sqlite;

    public override string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public override Task<TestDatabase> CreateDatabaseAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), UniqueName("sdvt_") + ".db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, ForeignKeys = true }.ConnectionString;
        return Task.FromResult(new TestDatabase(Engine, path, connectionString, () => new SqliteConnection(connectionString), () =>
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
            {
                File.Delete(file);
            }
            return ValueTask.CompletedTask;
        }));
    }
}
