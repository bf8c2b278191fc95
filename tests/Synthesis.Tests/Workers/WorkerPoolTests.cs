using Sdv.Connector.Synthesis.Workers;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Workers;

public sealed class WorkerPoolTests
{
    private static Task[] Ready(int count) => Enumerable.Repeat(Task.CompletedTask, count).ToArray();

    [Fact]
    public async Task One_worker_runs_the_items_in_index_order()
    {
        var ran = new List<int>();
        await WorkerPool.RunAsync(Ready(5), 1, (item, worker, _) =>
        {
            Assert.Equal(0, worker);
            ran.Add(item);
            return Task.CompletedTask;
        }, CancellationToken.None);
        Assert.Equal([0, 1, 2, 3, 4], ran);
    }

    [Fact]
    public async Task An_item_starts_only_once_its_readiness_completes_and_readiness_set_by_a_running_item_wakes_the_pool()
    {
        // Item 1 is ready once item 0 has got half-way (as a child starts once its parent is sampled, not written).
        var halfWay = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new List<int>();
        var gate = new Lock();
        await WorkerPool.RunAsync([Task.CompletedTask, halfWay.Task], 2, async (item, _, ct) =>
        {
            lock (gate) started.Add(item);
            if (item == 0)
            {
                halfWay.SetResult();
                // Item 0 finishes only after item 1 has started: the pool must not wait for it to end.
                await release.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
            }
            else
            {
                release.SetResult();
            }
        }, CancellationToken.None);
        Assert.Equal([0, 1], started);
    }

    [Fact]
    public async Task No_more_items_run_than_workers()
    {
        var running = 0;
        var most = 0;
        await WorkerPool.RunAsync(Ready(20), 3, async (_, _, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            await Task.Delay(5, ct);
            Interlocked.Decrement(ref running);
        }, CancellationToken.None);
        Assert.InRange(most, 1, 3);

        static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }

    [Fact]
    public async Task The_first_failure_stops_the_rest_and_is_the_error_thrown()
    {
        var neverReady = new TaskCompletionSource();
        var ran = new List<int>();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => WorkerPool.RunAsync([Task.CompletedTask, Task.CompletedTask, neverReady.Task], 1, (item, _, _) =>
        {
            ran.Add(item);
            return item == 0 ? throw new InvalidOperationException("item 0 failed") : Task.CompletedTask;
        }, CancellationToken.None));
        Assert.Equal("item 0 failed", error.Message);
        Assert.Equal([0], ran);
    }

    [Fact]
    public async Task A_cancelled_run_throws_the_cancellation()
    {
        using var cancel = new CancellationTokenSource();
        var neverReady = new TaskCompletionSource();
        var run = WorkerPool.RunAsync([Task.CompletedTask, neverReady.Task], 2, (_, _, _) => Task.CompletedTask, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }
}
