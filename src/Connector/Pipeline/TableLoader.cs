using System.Data.Common;
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
    /// Loads every table of the request's sampler into its target table. The request's connection is used for the first
    /// table in flight; others get connections from <see cref="LoadOptions.OpenConnection"/>, closed before returning.
    /// Returns rows written per table.
    /// </summary>
    public static async Task<Dictionary<QualifiedName, long>> LoadAsync(TableLoadRequest request, LoadOptions options, RunProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Sampler);
        ArgumentNullException.ThrowIfNull(request.Order);
        ArgumentNullException.ThrowIfNull(request.Targets);
        ArgumentNullException.ThrowIfNull(request.Writer);
        ArgumentNullException.ThrowIfNull(request.Connection);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxParallel, 1);

        progress.Phase(Phases.Sample, request.Order.Count);
        await using var connections = new LoadConnections(request.Connection, options.OpenConnection);
        var run = new TableLoadRun(request, options, progress, connections);
        // A table starts once the tables it draws keys from are fully sampled (not written), in parent-first
        // order among those that can: with one worker the tables load one after the other, in that order.
        await WorkerPool.RunAsync(run.Readiness(), options.MaxParallel, (t, _, ct) => run.LoadOneAsync(request.Order[t], ct), cancellationToken);
        return run.Written;
    }
}
