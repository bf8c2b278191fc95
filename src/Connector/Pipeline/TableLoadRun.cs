using System.Diagnostics;
using Sdv.Connector.Progress;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// One <see cref="TableLoader.LoadAsync"/> in flight: when each table may start, and loading one table
/// (sampled, transformed, written on a connection of its own, counted). Tables run on several workers at once.
/// </summary>
internal sealed class TableLoadRun
{
    private readonly TableLoadRequest _request;
    private readonly TableLoader.LoadOptions _options;
    private readonly RunProgress _progress;
    private readonly LoadConnections _connections;
    // Set once a table's sampler has given its last row: its children may start (they need it sampled, not written).
    private readonly Dictionary<QualifiedName, TaskCompletionSource> _sampled;
    private readonly Dictionary<QualifiedName, long> _written = [];
    private readonly object _gate = new();
    private int _done;

    public TableLoadRun(TableLoadRequest request, TableLoader.LoadOptions options, RunProgress progress, LoadConnections connections)
    {
        (_request, _options, _progress, _connections) = (request, options, progress, connections);
        _sampled = request.Order.ToDictionary(t => t, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    /// <summary>Rows written per table, of the tables loaded so far.</summary>
    public Dictionary<QualifiedName, long> Written => _written;

    /// <summary>Per table, in <see cref="TableLoadRequest.Order"/>: done once every table it draws keys from is fully sampled.</summary>
    public List<Task> Readiness() =>
        _request.Order.Select(name => (Task)Task.WhenAll(_request.Sampler.Prerequisites(name).Where(_sampled.ContainsKey).Select(parent => _sampled[parent].Task))).ToList();

    /// <summary>Samples and writes one table on a connection taken for it, then gives the connection back.</summary>
    public async Task LoadOneAsync(QualifiedName name, CancellationToken cancellationToken)
    {
        var target = _request.Targets[name];
        var db = await _connections.TakeAsync(cancellationToken);
        try
        {
            if (_options.BeforeTable is { } before) await before(name, cancellationToken);
            var watch = Stopwatch.StartNew();
            var counter = _progress.Table(Phases.Sample, target.Name, _options.Expected?.Invoke(name), estimated: true);
            var rows = Signal(_request.Sampler.Rows(name), _sampled[name], counter);
            if (_options.Transform is { } transform) rows = transform(name, rows);
            var count = await WriteAsync(db, target, rows, cancellationToken);
            if (_options.AfterTable is { } after) await after(db, target, cancellationToken);
            lock (_gate)
            {
                _written[name] = count;
                _progress.TableDone(Phases.Sample, ++_done, _request.Order.Count, target.Name, count, watch.Elapsed);
            }
        }
        finally
        {
            _connections.Return(db);
        }
    }

    private async Task<long> WriteAsync(System.Data.Common.DbConnection db, TableSchema target, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        try
        {
            return await _request.Writer.WriteAsync(db, target, RowPipe.Pipelined(rows, cancellationToken), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The table (and, where the database said, the column) is what a user needs to act on.
            throw new TableLoadException(target, "loading", e);
        }
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
