using Sdv.Connector.Cli;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Faults;

/// <summary>A SQLite target on a tiny tmpfs that fills up: the run fails once with a clear message, the previous clone is kept, the next run succeeds.</summary>
public sealed class SqliteDiskFullTests : IDisposable
{
    private readonly FaultRun _run = new();

    public void Dispose() => _run.Dispose();

    [SkippableFact]
    public async Task A_full_disk_fails_the_run_once_with_a_clear_message_and_the_next_run_succeeds()
    {
        var (mount, why) = await TmpfsMount.TryMountAsync(4);
        Skip.If(mount is null, why);
        await using (mount)
        {
            await using var source = await new SqliteFixture().CreateDatabaseAsync();
            await FaultRun.FillSourceAsync(source);
            var path = Path.Combine(mount.Path, "clone.db");
            var target = new TestDatabase(SchemaIntrospection.Model.DatabaseEngine.Sqlite, path, $"Data Source={path};Pooling=False",
                () => new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"), () => ValueTask.CompletedTask);
            var config = _run.WriteConfig(source.Name, null, path, null, attempts: 3, baseDelayMs: 50, maxDelayMs: 100);
            var (code, _, error) = await FaultRun.RunJobAsync(config);
            Assert.True(code == 0, error);
            var before = await FaultRun.FingerprintAsync(target);

            // Room for the run's lock file, not for the staging clone: the disk fills up during the load.
            var filler = await mount.FillAsync(leaveFree: 8 * 1024);
            config = _run.WriteConfig(source.Name, null, path, null, attempts: 3, baseDelayMs: 50, maxDelayMs: 100, seed: 7);
            (code, _, error) = await FaultRun.RunJobAsync(config);
            Assert.Equal(ExitCodes.Failure, code);
            Assert.Equal("disk-full", _run.Summary().GetProperty("outcome").GetString());
            Assert.True(_run.Int("write_attempts") == 1, error);
            Assert.Contains("disk is full", error, StringComparison.Ordinal);
            Assert.Contains("previous clone is kept", error, StringComparison.Ordinal);
            Assert.Equal(before, await FaultRun.FingerprintAsync(target));

            File.Delete(filler);
            (code, _, error) = await FaultRun.RunJobAsync(config);
            Assert.True(code == 0, error);
            Assert.False(File.Exists(path + ".sdv-staging"));
            var after = await FaultRun.FingerprintAsync(target);
            Assert.StartsWith(FaultRun.CompletePrefix, after, StringComparison.Ordinal);
            Assert.NotEqual(before, after);
        }
    }
}
