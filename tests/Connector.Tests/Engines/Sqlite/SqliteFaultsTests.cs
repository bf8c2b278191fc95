using Microsoft.Data.Sqlite;
using Sdv.Connector.Cli;
using Sdv.Connector.Engines.Sqlite;
using Sdv.Connector.Failures;
using Xunit;

namespace Sdv.Connector.Tests.Engines.Sqlite;

/// <summary>SQLite's faults provoked for real on small files: what each result code means to the connector.</summary>
public sealed class SqliteFaultsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sdv-faults-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string FileConnection(string name, SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate, int timeoutSeconds = 30) =>
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, name), Mode = mode, Pooling = false, DefaultTimeout = timeoutSeconds }.ConnectionString;

    private static async Task<SqliteException> FailsAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        return await Assert.ThrowsAsync<SqliteException>(async () =>
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        });
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_database_that_reached_its_size_limit_is_a_full_disk_and_not_retried()
    {
        // max_page_count is the file's size limit; going past it is SQLITE_FULL, as a full file system is.
        await using var connection = new SqliteConnection(FileConnection("full.db"));
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA max_page_count = 8;");
        await ExecuteAsync(connection, "CREATE TABLE t (b BLOB);");
        var full = await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(connection, "INSERT INTO t VALUES (randomblob(100000));"));
        Assert.Equal(13, full.SqliteErrorCode);
        Assert.True(SqliteFaults.Instance.IsDiskFull(full));
        Assert.True(DiskFull.Is(full));
        Assert.False(TransientFaults.IsTransient(full));
        Assert.Equal(FailureKind.DiskFull, FailureMessages.Classify(full).Kind);
    }

    [Fact]
    public async Task A_file_locked_by_another_writer_is_transient()
    {
        var name = "busy.db";
        await using var holder = new SqliteConnection(FileConnection(name));
        await holder.OpenAsync();
        await ExecuteAsync(holder, "CREATE TABLE t (x INTEGER); BEGIN IMMEDIATE; INSERT INTO t VALUES (1);");
        // One second of SQLite's own waiting for the lock, then SQLITE_BUSY.
        var busy = await FailsAsync(FileConnection(name, timeoutSeconds: 1), "INSERT INTO t VALUES (2);");
        Assert.Equal(5, busy.SqliteErrorCode);
        Assert.True(SqliteFaults.Instance.IsTransient(busy));
        Assert.True(TransientFaults.IsTransient(busy));
        Assert.False(DiskFull.Is(busy));
    }

    [Fact]
    public async Task A_read_only_file_is_neither_transient_nor_a_full_disk_nor_a_privilege()
    {
        var name = "readonly.db";
        await using (var create = new SqliteConnection(FileConnection(name)))
        {
            await create.OpenAsync();
            await ExecuteAsync(create, "CREATE TABLE t (x INTEGER);");
        }
        var readOnly = await FailsAsync(FileConnection(name, SqliteOpenMode.ReadOnly), "INSERT INTO t VALUES (1);");
        Assert.Equal(8, readOnly.SqliteErrorCode); // SQLITE_READONLY
        AssertNoFaultOfItsOwn(readOnly);
    }

    [Fact]
    public async Task A_file_that_cannot_be_opened_is_said_in_sqlites_words()
    {
        var missing = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "no-such-folder", "x.db"), Pooling = false }.ConnectionString;
        var cannotOpen = await FailsAsync(missing, "SELECT 1;");
        Assert.Equal(14, cannotOpen.SqliteErrorCode); // SQLITE_CANTOPEN
        AssertNoFaultOfItsOwn(cannotOpen);
    }

    private static void AssertNoFaultOfItsOwn(SqliteException e)
    {
        Assert.False(SqliteFaults.Instance.IsTransient(e));
        Assert.False(SqliteFaults.Instance.IsDiskFull(e));
        Assert.False(SqliteFaults.Instance.IsAccessDenied(e));
        var failure = FailureMessages.Classify(e);
        Assert.Equal(FailureKind.Unexpected, failure.Kind);
        Assert.Contains(e.Message.Split('\n')[0].Trim(), failure.Message, StringComparison.Ordinal);
    }
}
