using Npgsql;
using Polly;
using Sdv.Connector.Failures;
using Sdv.Connector.Nightly;
using Sdv.Connector.Nightly.Config;
using Xunit;

namespace Sdv.Connector.Tests.Failures;

public sealed class TransientFaultTests
{
    private static PostgresException Postgres(string state) => new("message", "ERROR", "ERROR", state);

    [Fact]
    public void Looks_inside_a_connection_failure_and_never_retries_bad_input_or_cancellation()
    {
        // Which states are transient is PostgreSqlFaultsTests'; here, that the engine is asked, through the wrapping.
        Assert.True(TransientFaults.IsTransient(new FailureException(FailureKind.ConnectionFailed, "Cannot connect", Postgres("57P03"))));
        Assert.True(TransientFaults.IsTransient(new FailureException(FailureKind.ConnectionFailed, "Cannot connect", new TimeoutException())));
        Assert.False(TransientFaults.IsTransient(new FailureException(FailureKind.ConnectionFailed, "Cannot connect", Postgres("28P01"))));
        Assert.False(TransientFaults.IsTransient(new UserInputException("bad option", new TimeoutException())));
        Assert.False(TransientFaults.IsTransient(new OperationCanceledException()));
        Assert.False(TransientFaults.IsTransient(new InvalidOperationException("bug")));
    }

    [Fact]
    public async Task Retries_a_transient_fault_up_to_the_configured_attempts_then_gives_up()
    {
        var log = new List<string>();
        var pipeline = RetryPipeline.Build(new RetrySettings { Attempts = 3, BaseDelayMs = 1, MaxDelayMs = 5 }, log.Add);
        var tries = 0;
        await Assert.ThrowsAsync<PostgresException>(async () => await pipeline.ExecuteAsync(_ => { tries++; throw Postgres("40P01"); }, CancellationToken.None));
        Assert.Equal(4, tries);
        Assert.Equal(3, log.Count);
        Assert.StartsWith("transient fault (", log[0], StringComparison.Ordinal);

        tries = 0;
        var result = await pipeline.ExecuteAsync(_ => ++tries < 3 ? throw Postgres("40001") : ValueTask.FromResult(tries), CancellationToken.None);
        Assert.Equal(3, result);

        tries = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await pipeline.ExecuteAsync(_ => { tries++; throw new InvalidOperationException(); }, CancellationToken.None));
        Assert.Equal(1, tries);
    }
}
