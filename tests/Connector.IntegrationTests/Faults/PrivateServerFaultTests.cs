using Sdv.Connector.Cli;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.Nightly;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Faults;

/// <summary>
/// Faults that need a server of the test's own: the target server stopped mid-load and restarted
/// (retried, succeeds), stopped for good (exit 3, previous clone intact, next run cleans up), the
/// source server stopped during the fit, and the target's tablespace full. Sources here are SQLite
/// files where the fault is on the target, so only the private server goes away.
/// </summary>
public sealed class PrivateServerFaultTests(PrivatePostgresFixture fixture) : IClassFixture<PrivatePostgresFixture>, IDisposable
{
    private readonly FaultRun _run = new();
    private readonly SqliteFixture _sqlite = new();

    public void Dispose() => _run.Dispose();

    private async Task<PrivatePostgresServer> ServerAsync()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        await fixture.EnsureRunningAsync();
        return fixture.Server;
    }

    private async Task<TestDatabase> SqliteSourceAsync()
    {
        var source = await _sqlite.CreateDatabaseAsync();
        await FaultRun.FillSourceAsync(source);
        return source;
    }

    private static async Task<long> LeftoversAsync(TestDatabase target) =>
        await target.ScalarAsync<long>("SELECT COUNT(*) FROM pg_namespace WHERE nspname LIKE '%\\_\\_sdv\\_staging' OR nspname LIKE '%\\_\\_sdv\\_old'");

    [SkippableFact]
    public async Task Target_server_stopped_and_restarted_mid_load_is_retried_and_the_run_succeeds()
    {
        var server = await ServerAsync();
        await using var source = await SqliteSourceAsync();
        await using var target = await server.CreateDatabaseAsync();
        var config = _run.WriteConfig(source.Name, null, server.Url(target.Name), null, attempts: 6, baseDelayMs: 300, maxDelayMs: 2000);
        Task? restart = null;
        var hooks = new NightlyHooks
        {
            AfterTableLoaded = async (_, table, attempt, _) =>
            {
                if (attempt != 1 || table.Name != "customers") return;
                await server.StopAsync();
                restart = Task.Run(async () =>
                {
                    await Task.Delay(1500);
                    await server.StartAgainAsync();
                }, CancellationToken.None);
            },
        };
        var (code, _, error) = await FaultRun.RunJobAsync(config, hooks);
        Assert.NotNull(restart);
        await restart;
        Assert.True(code == 0, error);
        Assert.True(_run.Int("write_attempts") >= 2, $"{_run.Int("write_attempts")} write attempts");
        Assert.Contains(_run.Strings("warnings"), w => w.StartsWith("transient fault", StringComparison.Ordinal));
        Assert.StartsWith(FaultRun.CompletePrefix, await FaultRun.FingerprintAsync(target), StringComparison.Ordinal);
        Assert.Equal(0, await LeftoversAsync(target));
    }

    [SkippableFact]
    public async Task Target_server_down_beyond_the_retries_exits_3_and_the_next_run_succeeds_and_cleans_up()
    {
        var server = await ServerAsync();
        await using var source = await SqliteSourceAsync();
        await using var target = await server.CreateDatabaseAsync();
        var config = _run.WriteConfig(source.Name, null, server.Url(target.Name), null, attempts: 2, baseDelayMs: 100, maxDelayMs: 200);
        var (code, _, error) = await FaultRun.RunJobAsync(config);
        Assert.True(code == 0, error);
        var before = await FaultRun.FingerprintAsync(target);

        config = _run.WriteConfig(source.Name, null, server.Url(target.Name), null, attempts: 2, baseDelayMs: 100, maxDelayMs: 200, seed: 7);
        var hooks = new NightlyHooks
        {
            AfterTableLoaded = async (_, table, attempt, _) =>
            {
                if (attempt == 1 && table.Name == "customers") await server.StopAsync();
            },
        };
        (code, _, error) = await FaultRun.RunJobAsync(config, hooks);
        Assert.Equal(ExitCodes.ConnectionFailed, code);
        Assert.Equal("connection-failed", _run.Summary().GetProperty("outcome").GetString());
        Assert.Equal(3, _run.Int("write_attempts"));
        Assert.Contains("Cannot connect", error, StringComparison.Ordinal);
        Assert.Contains("after 2 retries", error, StringComparison.Ordinal);
        Assert.Contains("previous clone is untouched", error, StringComparison.Ordinal);

        await server.StartAgainAsync();
        Assert.Equal(before, await FaultRun.FingerprintAsync(target));
        Assert.True(await LeftoversAsync(target) > 0);
        (code, _, error) = await FaultRun.RunJobAsync(config);
        Assert.True(code == 0, error);
        Assert.NotEmpty(_run.Strings("cleaned_leftovers"));
        Assert.Equal(0, await LeftoversAsync(target));
        var after = await FaultRun.FingerprintAsync(target);
        Assert.StartsWith(FaultRun.CompletePrefix, after, StringComparison.Ordinal);
        Assert.NotEqual(before, after);
    }

    [SkippableFact]
    public async Task Source_server_stopped_during_the_fit_exits_3_keeps_the_target_and_the_next_run_succeeds()
    {
        var server = await ServerAsync();
        await using var source = await server.CreateDatabaseAsync();
        await FaultRun.FillSourceAsync(source);
        await using var target = await _sqlite.CreateDatabaseAsync();
        var config = _run.WriteConfig(server.Url(source.Name), null, target.Name, null, attempts: 2, baseDelayMs: 100, maxDelayMs: 200, reuse: false);
        var (code, _, error) = await FaultRun.RunJobAsync(config);
        Assert.True(code == 0, error);
        var before = await FaultRun.FingerprintAsync(target);
        Assert.StartsWith(FaultRun.CompletePrefix, before, StringComparison.Ordinal);

        config = _run.WriteConfig(server.Url(source.Name), null, target.Name, null, attempts: 2, baseDelayMs: 100, maxDelayMs: 200, reuse: false, seed: 7);
        var stopped = false;
        var hooks = new NightlyHooks
        {
            AtStep = async (step, _) =>
            {
                if (stopped || step != "fit public.orders") return;
                stopped = true;
                await server.StopAsync();
            },
        };
        (code, _, error) = await FaultRun.RunJobAsync(config, hooks);
        Assert.True(stopped);
        Assert.Equal(ExitCodes.ConnectionFailed, code);
        Assert.Equal(3, _run.Int("source_attempts"));
        Assert.Equal(0, _run.Int("write_attempts"));
        Assert.Contains("previous clone is untouched", error, StringComparison.Ordinal);
        Assert.Equal(before, await FaultRun.FingerprintAsync(target));
        Assert.False(File.Exists(target.Name + ".sdv-staging"));

        await server.StartAgainAsync();
        (code, _, error) = await FaultRun.RunJobAsync(config);
        Assert.True(code == 0, error);
        Assert.Equal(1, _run.Int("source_attempts"));
        var after = await FaultRun.FingerprintAsync(target);
        Assert.StartsWith(FaultRun.CompletePrefix, after, StringComparison.Ordinal);
        Assert.NotEqual(before, after);
    }

    [SkippableFact]
    public async Task A_full_tablespace_fails_the_run_once_with_a_clear_message_and_the_next_run_succeeds()
    {
        var server = await ServerAsync();
        var (mount, why) = await TmpfsMount.TryMountAsync(40);
        Skip.If(mount is null, why);
        await using (mount)
        {
            var folder = Path.Combine(mount.Path, "ts");
            Directory.CreateDirectory(folder);
            await Shell.RunAsync("chown", "postgres:postgres", folder);
            var tablespace = "sdvts_" + Guid.NewGuid().ToString("N")[..8];
            await server.ExecuteAsync($"CREATE TABLESPACE {tablespace} LOCATION '{folder}'");
            try
            {
                await using var source = await SqliteSourceAsync();
                await using var target = await server.CreateDatabaseAsync(tablespace);
                var config = _run.WriteConfig(source.Name, null, server.Url(target.Name), null, attempts: 3, baseDelayMs: 50, maxDelayMs: 100);
                var (code, _, error) = await FaultRun.RunJobAsync(config);
                Assert.True(code == 0, error);
                var before = await FaultRun.FingerprintAsync(target);

                var filler = await mount.FillAsync();
                config = _run.WriteConfig(source.Name, null, server.Url(target.Name), null, attempts: 3, baseDelayMs: 50, maxDelayMs: 100, seed: 7);
                (code, _, error) = await FaultRun.RunJobAsync(config);
                Assert.Equal(ExitCodes.Failure, code);
                Assert.Equal("disk-full", _run.Summary().GetProperty("outcome").GetString());
                Assert.Equal(1, _run.Int("write_attempts"));
                Assert.Contains("disk is full", error, StringComparison.Ordinal);
                Assert.Contains("previous clone is kept", error, StringComparison.Ordinal);
                Assert.Equal(before, await FaultRun.FingerprintAsync(target));

                File.Delete(filler);
                (code, _, error) = await FaultRun.RunJobAsync(config);
                Assert.True(code == 0, error);
                Assert.Equal(0, await LeftoversAsync(target));
                var after = await FaultRun.FingerprintAsync(target);
                Assert.StartsWith(FaultRun.CompletePrefix, after, StringComparison.Ordinal);
                Assert.NotEqual(before, after);
            }
            finally
            {
                await server.ExecuteAsync($"DROP TABLESPACE IF EXISTS {tablespace}");
            }
        }
    }
}
