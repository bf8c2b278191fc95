using System.Runtime.ExceptionServices;

namespace Sdv.Connector.Synthesis.Workers;

/// <summary>
/// The one worker pool of the fit and the load: items run on a fixed number of workers (a worker stands
/// for a session of the source or a connection to the target), each item once its readiness task has
/// completed (its parents fitted, its prerequisites sampled), the ready ones in index order, so with one
/// worker the items run in the order given. The first failure stops the items not yet started, cancels
/// the running ones, and is the error thrown (the others are mostly the cancellation it caused).
/// </summary>
internal static class WorkerPool
{
    /// <param name="readiness">Per item, a task that completes when the item may start (in any state: an item whose prerequisite failed starts and meets that failure, unless the pool has stopped).</param>
    /// <param name="workers">Items run at once (at least 1).</param>
    /// <param name="work">Runs an item: its index, the worker's number (0 to <paramref name="workers"/> - 1; one item at a time per worker), and the pool's token.</param>
    public static async Task RunAsync(IReadOnlyList<Task> readiness, int workers, Func<int, int, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readiness);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var count = readiness.Count;
        if (count == 0) return;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var taken = new bool[count];
        var gate = new Lock();
        Exception? firstError = null;

        // The first ready item not taken yet (-1: none ready, the tasks to wait for in waiting), or -2 when every item is taken.
        int Next(List<Task> waiting)
        {
            waiting.Clear();
            lock (gate)
            {
                for (var i = 0; i < count; i++)
                {
                    if (taken[i]) continue;
                    if (readiness[i].IsCompleted)
                    {
                        taken[i] = true;
                        return i;
                    }

                    waiting.Add(readiness[i]);
                }
            }

            return waiting.Count == 0 ? -2 : -1;
        }

        async Task WorkerAsync(int worker)
        {
            var waiting = new List<Task>();
            try
            {
                while (true)
                {
                    stop.Token.ThrowIfCancellationRequested();
                    var item = Next(waiting);
                    if (item == -2) return;
                    if (item == -1)
                    {
                        // Nothing ready: wait until an item not taken becomes ready (another worker may take it first).
                        await Task.WhenAny(waiting).WaitAsync(stop.Token).ConfigureAwait(false);
                        continue;
                    }

                    await work(item, worker, stop.Token).ConfigureAwait(false);
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref firstError, e, null);
                await stop.CancelAsync().ConfigureAwait(false);
            }
        }

        // Task.Run: a worker whose items never wait (a reader that never waits for the network) would otherwise run to its end before the next worker starts.
        await Task.WhenAll(Enumerable.Range(0, Math.Min(workers, count)).Select(w => Task.Run(() => WorkerAsync(w), CancellationToken.None))).ConfigureAwait(false);
        if (firstError is not null)
        {
            // A cancellation by the caller is reported as such; a failure that came first is reported even if the caller cancelled meanwhile.
            if (firstError is OperationCanceledException) cancellationToken.ThrowIfCancellationRequested();
            ExceptionDispatchInfo.Throw(firstError);
        }
    }
}
