using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Sdv.Connector.Connections;
using Sdv.Connector.Engines;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.MultiTable;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// Fits the database model: each table in one streaming pass over a query the source runs (its rows
/// with their child counts and their parent's context columns), then the children-per-parent
/// histograms of the other foreign keys, also computed by the source. Every table's fit is
/// independent of the others (each has a seed of its own and its own query), so up to
/// <c>maxParallel</c> of them run at once, each on a connection of its own; the connections read
/// in read-only transactions that share one snapshot where the engine can
/// (<see cref="IRowReader.BeginSharedReadOnlyAsync"/>). The model is the same whatever the
/// parallelism: entries are kept in plan order, and no fit sees another's work.
/// </summary>
internal static class FitStep
{
    public static Task<DatabaseModel> RunAsync(DatabaseEndpoint source, DatabaseSchema schema, SynthesisOptions options, RunProgress progress, int maxParallel, CancellationToken cancellationToken) =>
        RunAsync(source, schema, options, progress, maxParallel, null, cancellationToken);

    /// <summary>As above; <paramref name="atStep"/> (a test hook of the nightly run) is called with "fit &lt;table&gt;" before each table is read, its source connection open.</summary>
    public static async Task<DatabaseModel> RunAsync(DatabaseEndpoint source, DatabaseSchema schema, SynthesisOptions options, RunProgress progress, int maxParallel,
        Func<string, CancellationToken, Task>? atStep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallel, 1);
        var adapter = OpenDatabase.Adapter(source);
        schema = await EmptyRelationships.MarkAsync(source, schema, cancellationToken).ConfigureAwait(false);
        var skeleton = new DatabaseModel(schema, [], []);
        var plan = skeleton.Plan;
        var tables = plan.Tables;
        var models = new TableModel?[tables.Count];
        var countKeys = tables.Select(static t => t.SecondaryParents.Concat(t.SelfReferences).Concat(t.DeferredParents).ToList()).ToList();
        var counts = countKeys.Select(static keys => new CountDistribution?[keys.Count]).ToList();

        // The work: each table's fit, then each of its count histograms, taken in this order by
        // whichever session is free.
        var work = new List<(int Table, int Count)>();
        for (var t = 0; t < tables.Count; t++)
        {
            work.Add((t, -1));
            for (var k = 0; k < countKeys[t].Count; k++) work.Add((t, k));
        }

        var sessions = Math.Max(1, Math.Min(maxParallel, tables.Count));
        var connections = new List<DbConnection>(sessions);
        IReadOnlyList<DbTransaction?> transactions = [];
        try
        {
            for (var i = 0; i < sessions; i++) connections.Add(await OpenDatabase.SourceAsync(source, cancellationToken).ConfigureAwait(false));
            transactions = await adapter.Reader.BeginSharedReadOnlyAsync(connections, cancellationToken).ConfigureAwait(false);

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var next = -1;
            var done = 0;
            var progressLock = new Lock();
            Exception? firstError = null;

            async Task WorkerAsync(int session)
            {
                try
                {
                    int item;
                    while ((item = Interlocked.Increment(ref next)) < work.Count)
                    {
                        stop.Token.ThrowIfCancellationRequested();
                        var (t, k) = work[item];
                        var tablePlan = tables[t];
                        if (k >= 0)
                        {
                            counts[t][k] = await CountsAsync(connections[session], transactions[session], adapter, countKeys[t][k], stop.Token).ConfigureAwait(false);
                            continue;
                        }
                        if (atStep is not null) await atStep("fit " + tablePlan.Table, stop.Token).ConfigureAwait(false);
                        var watch = Stopwatch.StartNew();
                        var model = await FitTableAsync(connections[session], transactions[session], adapter, schema, tablePlan, options, stop.Token).ConfigureAwait(false);
                        models[t] = model;
                        lock (progressLock)
                        {
                            progress.TableDone("fit", ++done, tables.Count, tablePlan.Table, model.RowCount, watch.Elapsed);
                        }
                    }
                }
                catch (Exception e)
                {
                    // The first failure is the one reported; the others are mostly the cancellation it caused.
                    Interlocked.CompareExchange(ref firstError, e, null);
                    await stop.CancelAsync().ConfigureAwait(false);
                }
            }

            // Task.Run: a reader that never has to wait for the network would otherwise run the first worker to its end before starting the second.
            await Task.WhenAll(Enumerable.Range(0, sessions).Select(s => Task.Run(() => WorkerAsync(s), CancellationToken.None))).ConfigureAwait(false);
            if (firstError is not null)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ExceptionDispatchInfo.Throw(firstError);
            }
        }
        finally
        {
            await ReadOnlyTransactions.DisposeAsync(transactions).ConfigureAwait(false);
            foreach (var connection in connections) await connection.DisposeAsync().ConfigureAwait(false);
        }

        var warnings = new List<string>();
        var entries = new List<TableEntry>(tables.Count);
        for (var t = 0; t < tables.Count; t++)
        {
            var model = models[t]!;
            warnings.AddRange(model.Warnings.Select(w => $"{tables[t].Table}: {w}"));
            var tableCounts = new Dictionary<string, CountDistribution>(StringComparer.Ordinal);
            for (var k = 0; k < countKeys[t].Count; k++) tableCounts[TableEntry.KeyOf(countKeys[t][k])] = counts[t][k]!;
            entries.Add(new TableEntry { Table = tables[t].Table, Model = model, SourceRows = model.RowCount, Counts = tableCounts });
        }
        // Sorted: the reader collects them as reads end, an order that depends on the parallelism.
        warnings.AddRange(adapter.Reader.Warnings.Order(StringComparer.Ordinal));
        return new DatabaseModel(schema, entries, warnings);
    }

    private static async Task<TableModel> FitTableAsync(DbConnection connection, DbTransaction? transaction, IEngineAdapter adapter, DatabaseSchema schema, TablePlan tablePlan,
        SynthesisOptions options, CancellationToken cancellationToken)
    {
        var table = schema.Table(tablePlan.Table);
        var parent = tablePlan.PrimaryParent is { } primary ? schema.Table(primary.PrincipalTable) : null;
        var readColumns = table.Columns.ToList();
        readColumns.AddRange(tablePlan.Children.Select((_, i) => new ColumnSchema
        {
            Name = DatabaseSampler.ChildCountColumnName(i), Ordinal = readColumns.Count + i + 1, NativeType = "bigint", LogicalType = LogicalType.Int64, IsNullable = false,
        }));
        if (parent is not null) readColumns.AddRange(tablePlan.ParentContextColumns.Select(parent.Column));
        var sql = ContextQuery.Build(adapter.Dialect, table, tablePlan, parent, adapter.Reader.SelectExpression);
        var rows = Encoded(adapter.Reader.ReadQueryAsync(connection, transaction, sql, readColumns, table.Name.ToString(), cancellationToken, reuseRow: true), table.Columns.Count, cancellationToken);
        var tableOptions = options.WithSeed(options.Seed ^ unchecked((long)StableHash.Fnv1a(table.Name.ToString())));
        return await TableSynthesizer.FitAsync(table, rows, ContextQuery.ContextNames(tablePlan), tableOptions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Leaves the table's own cells as read and turns the appended context cells into numbers. The rows
    /// are the reader's one reused array: <see cref="TableSynthesizer"/> copies each into its batch.
    /// </summary>
    private static async IAsyncEnumerable<object?[]> Encoded(IAsyncEnumerable<object?[]> rows, int tableWidth, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            for (var i = tableWidth; i < row.Length; i++) row[i] = ContextEncoding.ToNumber(row[i]);
            yield return row;
        }
    }

    private static async Task<CountDistribution> CountsAsync(DbConnection connection, DbTransaction? transaction, IEngineAdapter adapter, ForeignKeySchema fk, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = ContextQuery.CountHistogram(adapter.Dialect, fk);
        command.CommandTimeout = 0;
        var histogram = new List<(long, long)>();
        long nullChildren = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var n = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
            var parents = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
            if (n < 0) nullChildren = parents;
            else histogram.Add((n, parents));
        }
        return CountDistribution.From(histogram, nullChildren);
    }
}
