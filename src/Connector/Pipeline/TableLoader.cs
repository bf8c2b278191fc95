using System.Data.Common;
using System.Diagnostics;
using Sdv.Connector.Connections;
using Sdv.Connector.Engines;
using Sdv.Connector.Progress;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.MultiTable;
using Sdv.Connector.Synthesis.Workers;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// Samples every table of a model and bulk-loads it, as many tables at once as
/// <see cref="LoadOptions.MaxParallel"/> allows: a table starts as soon as the tables it draws keys
/// from (<see cref="DatabaseSampler.Prerequisites"/>) are fully sampled, not written, and each
/// table in flight has a target connection of its own. Every table has its own random stream, so the
/// rows are the same whatever the parallelism. The first failure (or a cancellation) stops every
/// other table and is the one reported. Used by <see cref="SampleStep"/> and the nightly staging.
/// </summary>
internal static class TableLoader
{
    /// <summary>How tables are loaded (see <see cref="LoadAsync"/>).</summary>
    /// <param name="MaxParallel">Most tables sampled and written at once (at least 1).</param>
    /// <param name="OpenConnection">Opens one more target connection, ready for writing (session settings applied).</param>
    /// <param name="Transform">Applied to each table's rows before they are written (column overrides), or null.</param>
    /// <param name="AfterTable">Called on the table's own connection once it is written, or null.</param>
    /// <param name="BeforeTable">Called with the model's table name just before its rows are sampled and written, or null.</param>
    /// <param name="Expected">The rows a table (model name) is expected to get, asked when it starts (<see cref="ExpectedRows"/>), for progress; null: unknown.</param>
    internal sealed record LoadOptions(
        int MaxParallel,
        Func<CancellationToken, Task<DbConnection>> OpenConnection,
        Func<QualifiedName, IEnumerable<object?[]>, IEnumerable<object?[]>>? Transform = null,
        Func<DbConnection, TableSchema, CancellationToken, Task>? AfterTable = null,
        Func<QualifiedName, CancellationToken, Task>? BeforeTable = null,
        Func<QualifiedName, long?>? Expected = null);

    /// <summary>The most tables loaded at once: as many as asked (at least 1), up to what the target's engine takes (<see cref="IEngineAdapter.MaxParallelLoads"/>).</summary>
    public static int ParallelFor(IEngineAdapter adapter, int requested) => Math.Clamp(requested, 1, adapter.MaxParallelLoads);

    /// <summary>The endpoint to open load connections with: the engine's tuning for bulk loads (<see cref="IEngineAdapter.BulkLoadConnectionString"/>).</summary>
    public static DatabaseEndpoint ForBulkLoad(IEngineAdapter adapter, DatabaseEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.ConnectionString is null ? endpoint : endpoint with { ConnectionString = adapter.BulkLoadConnectionString(endpoint.ConnectionString) };
    }

    /// <summary>
    /// Loads every table of <paramref name="sampler"/> into <paramref name="targets"/> (the target table
    /// of each model table). <paramref name="connection"/> is used for the first table in flight; others
    /// get connections from <see cref="LoadOptions.OpenConnection"/>, closed before returning. Returns rows written per table.
    /// </summary>
    public static async Task<Dictionary<QualifiedName, long>> LoadAsync(DatabaseSampler sampler, IReadOnlyList<QualifiedName> order,
        IReadOnlyDictionary<QualifiedName, TableSchema> targets, IBulkWriter writer, DbConnection connection, LoadOptions options,
        RunProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxParallel, 1);

        var written = new Dictionary<QualifiedName, long>();
        progress.Phase(Phases.Sample, order.Count);
        var sampled = order.ToDictionary(t => t, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var idle = new Stack<DbConnection>([connection]);
        var opened = new List<DbConnection>();
        var gate = new object();
        var done = 0;

        async Task<DbConnection> TakeConnectionAsync(CancellationToken ct)
        {
            lock (gate)
            {
                if (idle.Count > 0) return idle.Pop();
            }
            var extra = await options.OpenConnection(ct);
            lock (gate) opened.Add(extra);
            return extra;
        }

        async Task LoadOneAsync(QualifiedName name, CancellationToken ct)
        {
            var target = targets[name];
            var db = await TakeConnectionAsync(ct);
            try
            {
                if (options.BeforeTable is { } before) await before(name, ct);
                var watch = Stopwatch.StartNew();
                var counter = progress.Table(Phases.Sample, target.Name, options.Expected?.Invoke(name), estimated: true);
                var rows = Signal(sampler.Rows(name), sampled[name], counter);
                if (options.Transform is { } transform) rows = transform(name, rows);
                long count;
                try
                {
                    count = await writer.WriteAsync(db, target, RowPipe.Pipelined(rows, ct), ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The table (and, where the database said, the column) is what a user needs to act on.
                    throw new TableLoadException(target, "loading", e);
                }
                if (options.AfterTable is { } after) await after(db, target, ct);
                lock (gate)
                {
                    written[name] = count;
                    progress.TableDone(Phases.Sample, ++done, order.Count, target.Name, count, watch.Elapsed);
                }
            }
            finally
            {
                lock (gate) idle.Push(db);
            }
        }

        try
        {
            // A table starts once the tables it draws keys from are fully sampled (not written), in parent-first
            // order among those that can: with one worker the tables load one after the other, in that order.
            var readiness = order.Select(name => (Task)Task.WhenAll(sampler.Prerequisites(name).Where(sampled.ContainsKey).Select(parent => sampled[parent].Task))).ToList();
            await WorkerPool.RunAsync(readiness, options.MaxParallel, (t, _, ct) => LoadOneAsync(order[t], ct), cancellationToken);
        }
        finally
        {
            foreach (var extra in opened) await extra.DisposeAsync();
        }
        return written;
    }

    /// <summary>Passes the rows on, counting them, and marks the table sampled once the sampler has given the last one (its children may start).</summary>
    private static IEnumerable<object?[]> Signal(IEnumerable<object?[]> rows, TaskCompletionSource sampled, TableCounter counter)
    {
        foreach (var row in rows)
        {
            counter.Add();
            yield return row;
        }
        counter.Finish();
        sampled.TrySetResult();
    }
}
