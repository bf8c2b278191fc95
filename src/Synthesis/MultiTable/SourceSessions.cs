using Sdv.Connector.Synthesis.Workers;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// A row source with the sessions one step of the fit may use: all of them for the counts that come before the plan, the
/// one kept for statistics (<see cref="IDatabaseRowSource.StatisticsSession"/>) for the equal values counted while the
/// tables are read on the others. A session runs one query at a time.
/// </summary>
internal sealed class SourceSessions(IDatabaseRowSource source, IReadOnlyList<int> sessions)
{
    public IDatabaseRowSource Source => source;

    /// <summary>Every session of the source, its statistics session included.</summary>
    public static SourceSessions All(IDatabaseRowSource source) =>
        new(source, Enumerable.Range(0, Math.Max(1, source.Sessions) + (source.StatisticsSession is null ? 0 : 1)).ToArray());

    /// <summary>The <paramref name="count"/> queries <paramref name="query"/> runs (item, session, token), at most one per session at a time, in index order.</summary>
    public Task RunAsync(int count, Func<int, int, CancellationToken, Task> query, CancellationToken cancellationToken) =>
        WorkerPool.RunAsync(Enumerable.Repeat(Task.CompletedTask, count).ToArray(), sessions.Count, (i, worker, ct) => query(i, sessions[worker], ct), cancellationToken);
}
