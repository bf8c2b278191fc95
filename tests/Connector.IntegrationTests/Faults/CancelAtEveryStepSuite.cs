using Sdv.Connector.Cli;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.Nightly;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Faults;

/// <summary>
/// Ctrl+C at every step of a nightly run: the steps of a normal run are recorded, then for each one
/// a run (with another seed, so the old and the new clone differ) is cancelled exactly there. Before
/// the swap the run ends with 130 and the target holds the previous clone, unchanged; past the swap
/// (not cancellable by design) it ends with 0 and the target holds the complete new clone; never a
/// mix. Each time the next run succeeds and removes what the cancelled one left in staging.
/// </summary>
public abstract class CancelAtEveryStepSuite<TFixture>(TFixture fixture) : EngineTestBase<TFixture>(fixture), IDisposable
    where TFixture : EngineFixture
{
    private readonly FaultRun _run = new();

    protected abstract string Url(TestDatabase database);

    protected virtual bool NeedsPassword => true;

    /// <summary>How many staging or half-swapped objects of this target exist.</summary>
    protected abstract Task<long> LeftoversAsync(TestDatabase target);

    /// <summary>How many tables the database holds.</summary>
    protected abstract Task<long> TablesAsync(TestDatabase database);

    /// <summary>
    /// `clone` (no staging) cancelled while it loads a fresh target: exit 130 and the target left as it
    /// was, empty, because a cancelled clone drops the tables it created. The cancel comes as soon as the
    /// target holds a table; scale 300 (18,000 and 60,000 rows) makes the load last well past that.
    /// </summary>
    [SkippableFact]
    public async Task A_clone_cancelled_while_loading_leaves_the_fresh_target_empty()
    {
        await using var source = await NewDatabaseAsync();
        await using var target = await NewDatabaseAsync();
        await FaultRun.FillSourceAsync(source);
        List<string> passwords = NeedsPassword ? ["--source-password-file", _run.PasswordFile, "--target-password-file", _run.PasswordFile] : [];
        using var cancel = new CancellationTokenSource();
        var clone = Task.Run(() => Cli.CliApp.RunAsync(
            ["clone", "--source", Url(source), "--target", Url(target), "--scale", "300", "--no-evaluate", .. passwords],
            TextWriter.Null, TextWriter.Null, interactive: false, cancel.Token));
        var tablesSeen = 0L;
        while (!clone.IsCompleted && tablesSeen == 0)
        {
            tablesSeen = await TablesAsync(target);
            if (tablesSeen == 0) await Task.Delay(5);
        }
        await cancel.CancelAsync();
        var code = await clone;
        Assert.True(tablesSeen > 0, "the clone ended before its first table was seen");
        Assert.Equal(ExitCodes.Cancelled, code);
        Assert.Equal(0, await TablesAsync(target));

        // The target is usable as an empty one: the next clone into it succeeds without --replace.
        var (again, _, error) = await FaultRun.RunCliAsync(["clone", "--source", Url(source), "--target", Url(target), "--no-evaluate", .. passwords]);
        Assert.True(again == 0, error);
        Assert.StartsWith(FaultRun.CompletePrefix, await FaultRun.FingerprintAsync(target), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _run.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public async Task Cancelled_at_every_step_keeps_the_previous_clone_or_completes_the_swap_and_the_next_run_cleans_up()
    {
        await using var source = await NewDatabaseAsync();
        await using var target = await NewDatabaseAsync();
        await FaultRun.FillSourceAsync(source);
        var password = NeedsPassword ? _run.PasswordFile : null;
        string Config(long seed) => _run.WriteConfig(Url(source), password, Url(target), password, seed: seed, reuse: false);

        var steps = new List<string>();
        var recorded = new NightlyHooks { AtStep = (step, _) => { steps.Add(step); return Task.CompletedTask; } };
        var (code, _, error) = await FaultRun.RunJobAsync(Config(1), recorded);
        Assert.True(code == 0, error);
        Assert.Equal("introspect", steps[0]);
        Assert.Equal(["swap", "swapped"], steps[^2..]);
        Assert.Equal(2, steps.Count(s => s.StartsWith("fit ", StringComparison.Ordinal)));
        Assert.Equal(2, steps.Count(s => s.StartsWith("load ", StringComparison.Ordinal)));
        Assert.Equal(9, steps.Count);
        Assert.Equal(steps.Count, steps.Distinct().Count());
        var clean = steps.IndexOf("clean");
        var swapped = steps.IndexOf("swapped");

        var before = await FaultRun.FingerprintAsync(target);
        Assert.StartsWith(FaultRun.CompletePrefix, before, StringComparison.Ordinal);
        var seed = 100L;
        for (var i = 0; i < steps.Count; i++)
        {
            var at = steps[i];
            using var cancel = new CancellationTokenSource();
            var hooks = new NightlyHooks
            {
                AtStep = (step, _) =>
                {
                    if (step == at) cancel.Cancel();
                    return Task.CompletedTask;
                },
            };
            (code, _, error) = await FaultRun.RunJobAsync(Config(++seed), hooks, cancel.Token);
            var after = await FaultRun.FingerprintAsync(target);
            if (i < swapped)
            {
                Assert.True(code == ExitCodes.Cancelled, $"cancelled at {at}: exit {code}: {error}");
                Assert.Equal("cancelled", _run.Summary().GetProperty("outcome").GetString());
                Assert.False(_run.Summary().GetProperty("swapped").GetBoolean(), at);
                Assert.Contains("previous clone is untouched", error, StringComparison.Ordinal);
                Assert.True(before == after, $"cancelled at {at}: the previous clone changed from {before} to {after}");
                // From the staging's creation on, the cancelled run leaves it behind: the next run removes it.
                Assert.Equal(i > clean, await LeftoversAsync(target) > 0);
            }
            else
            {
                Assert.True(code == ExitCodes.Success, $"cancelled at {at} (past the swap): exit {code}: {error}");
                Assert.True(_run.Summary().GetProperty("swapped").GetBoolean());
                Assert.StartsWith(FaultRun.CompletePrefix, after, StringComparison.Ordinal);
                Assert.NotEqual(before, after);
                Assert.Equal(0, await LeftoversAsync(target));
            }

            var leftBehind = await LeftoversAsync(target) > 0;
            (code, _, error) = await FaultRun.RunJobAsync(Config(++seed));
            Assert.True(code == 0, $"the run after the one cancelled at {at}: {error}");
            Assert.Equal(leftBehind, _run.Strings("cleaned_leftovers").Count > 0);
            Assert.Equal(0, await LeftoversAsync(target));
            before = await FaultRun.FingerprintAsync(target);
            Assert.StartsWith(FaultRun.CompletePrefix, before, StringComparison.Ordinal);
        }
    }
}
