using Microsoft.Data.Sqlite;
using Sdv.Connector.Engines;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Cloning;

/// <summary>`sdv-connector demo`: builds the clinical database and its synthetic clone in a folder of its own; the clone is checked by SQLite itself.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sdv-demo-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Demo_writes_a_source_and_a_consistent_synthetic_clone()
    {
        var run = await CliRun.RunAsync("demo", "--dir", _directory, "--patients", "400");
        Assert.True(run.ExitCode == 0, run.ToString());
        var sourcePath = Path.Combine(_directory, "clinical.db");
        var clonePath = Path.Combine(_directory, "clinical-synthetic.db");
        Assert.True(File.Exists(sourcePath), sourcePath);
        Assert.True(File.Exists(clonePath), clonePath);
        Assert.Contains(clonePath, run.Output, StringComparison.Ordinal);

        await using var source = await OpenAsync(sourcePath);
        await using var clone = await OpenAsync(clonePath);
        var sourceSchema = await EngineAdapters.For(DatabaseEngine.Sqlite).Introspector.IntrospectAsync(source, IntrospectionOptions.Default, CancellationToken.None);
        var cloneSchema = await EngineAdapters.For(DatabaseEngine.Sqlite).Introspector.IntrospectAsync(clone, IntrospectionOptions.Default, CancellationToken.None);
        Assert.Equal(5, cloneSchema.Tables.Count);
        Assert.Equal(sourceSchema.Tables.Select(t => t.Name.Name).Order(), cloneSchema.Tables.Select(t => t.Name.Name).Order());
        Assert.Equal(4, cloneSchema.Tables.Count(t => t.ForeignKeys.Count > 0));
        Assert.Equal(sourceSchema.ForeignKeys.Count(), cloneSchema.ForeignKeys.Count());

        await using (var check = clone.CreateCommand())
        {
            check.CommandText = "PRAGMA foreign_key_check";
            await using var reader = await check.ExecuteReaderAsync();
            Assert.False(await reader.ReadAsync(), "PRAGMA foreign_key_check found orphans in the synthetic clone");
        }
        Assert.Equal(400L, await CountAsync(source, "patients"));
        Assert.Equal(await CountAsync(source, "patients"), await CountAsync(clone, "patients"));
        foreach (var table in sourceSchema.Tables)
        {
            Assert.True(await CountAsync(clone, table.Name.Name) > 0, $"{table.Name} is empty in the clone");
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    private static async Task<SqliteConnection> OpenAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
