using System.Data.Common;
using Sdv.Connector.Cli;
using Sdv.Connector.Engines;
using Sdv.Connector.Failures;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Faults;

/// <summary>
/// Errors raised by a real server with the engine's own codes (what a full tablespace, a refused privilege or a
/// deadlock sends back), read by the engine's adapter and turned by the one classifier into the documented exit code.
/// </summary>
public abstract class EngineFaultsSuite<TFixture>(TFixture fixture) : EngineTestBase<TFixture>(fixture)
    where TFixture : EngineFixture
{
    /// <summary>A statement after which the server reports its disk full.</summary>
    protected abstract string DiskFullSql { get; }

    /// <summary>A statement after which the server reports a privilege refused.</summary>
    protected abstract string AccessDeniedSql { get; }

    /// <summary>A statement after which the server reports a deadlock.</summary>
    protected abstract string DeadlockSql { get; }

    private IEngineFaults Faults => EngineAdapters.For(Fixture.Engine).Faults;

    private async Task<DbException> FailsAsync(string sql)
    {
        await using var database = await NewDatabaseAsync();
        return await Assert.ThrowsAnyAsync<DbException>(() => database.ExecuteAsync(sql));
    }

    /// <summary>The server's error, recognised by the engine's adapter, final (not retried), and of the kind and exit code given.</summary>
    private async Task AssertFinalAsync(string sql, Func<IEngineFaults, Exception, bool> recognised, FailureKind kind, int exitCode)
    {
        var error = await FailsAsync(sql);
        Assert.True(recognised(Faults, error), error.Message);
        Assert.False(TransientFaults.IsTransient(error));
        var failure = FailureMessages.Classify(error);
        Assert.Equal((kind, exitCode), (failure.Kind, failure.ExitCode));
    }

    [SkippableFact]
    public Task A_full_disk_is_exit_1_said_as_such_and_never_retried() =>
        AssertFinalAsync(DiskFullSql, (faults, e) => faults.IsDiskFull(e), FailureKind.DiskFull, 1);

    [SkippableFact]
    public Task A_refused_privilege_is_exit_3_in_every_command() =>
        AssertFinalAsync(AccessDeniedSql, (faults, e) => faults.IsAccessDenied(e), FailureKind.AccessDenied, 3);

    [SkippableFact]
    public async Task A_deadlock_is_retried_by_a_run_and_exit_3_when_it_stays()
    {
        var deadlock = await FailsAsync(DeadlockSql);
        Assert.True(Faults.IsTransient(deadlock), deadlock.Message);
        Assert.False(Faults.IsDiskFull(deadlock) || Faults.IsAccessDenied(deadlock));
        Assert.Equal(FailureKind.ConnectionFailed, FailureMessages.Classify(deadlock).Kind);
    }

    [SkippableFact]
    public async Task A_missing_table_is_exit_1_in_the_databases_words_and_not_retried()
    {
        var missing = await FailsAsync("SELECT x FROM no_such_table_here");
        Assert.False(Faults.IsTransient(missing) || Faults.IsDiskFull(missing) || Faults.IsAccessDenied(missing));
        var failure = FailureMessages.Classify(missing);
        Assert.Equal((FailureKind.Unexpected, 1), (failure.Kind, failure.ExitCode));
        Assert.Contains("no_such_table_here", failure.Message, StringComparison.Ordinal);
    }
}
