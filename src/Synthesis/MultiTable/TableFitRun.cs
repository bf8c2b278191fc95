using System.Diagnostics;
using Sdv.Connector.Synthesis.Constraints;
using Sdv.Connector.Synthesis.Models;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// The tables of one <see cref="DatabaseSynthesizer.FitAsync"/> being fitted, several at once: when each may start,
/// and fitting one (its rows read with their appended columns, a reference table's rows kept verbatim). A child's rows
/// are read while its primary parent is still being fitted: the parent's model is needed only once the child's rows
/// are in (its columns encode the child's context), not to read them. On the demo's chain clinics > patients > visits
/// > labtests, each table waited for the whole fit of the one above it (reading, then the joint model), and the fit
/// took the sum of the four.
/// </summary>
internal sealed class TableFitRun
{
    private readonly PlannedDatabase _planned;
    private readonly IDatabaseRowSource _source;
    private readonly DatabaseFitOptions _options;
    private readonly TaskCompletionSource<TableModel>[] _fitted;
    private readonly List<string?[]>?[] _referenceRows;
    private readonly Dictionary<SchemaIntrospection.Model.QualifiedName, int> _position;
    private readonly Lock _progressLock = new();
    private int _done;

    public TableFitRun(PlannedDatabase planned, IDatabaseRowSource source, DatabaseFitOptions options)
    {
        (_planned, _source, _options) = (planned, source, options);
        var tables = planned.Plan.Tables;
        _fitted = tables.Select(_ => new TaskCompletionSource<TableModel>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        _referenceRows = new List<string?[]>?[tables.Count];
        _position = tables.Select((t, i) => (t.Table, i)).ToDictionary(p => p.Table, p => p.i);
    }

    /// <summary>Table <paramref name="t"/>'s model (in plan order), once every table is fitted.</summary>
    public TableModel ModelOf(int t) => _fitted[t].Task.Result;

    /// <summary>Table <paramref name="t"/>'s rows as text, where it is a reference table (copied whole); else null.</summary>
    public List<string?[]>? ReferenceRowsOf(int t) => _referenceRows[t];

    /// <summary>
    /// Per table, in plan order: done once its primary parent is fitted, or once that parent is sure to start before it (it
    /// comes first and can start itself: the pool takes what can start in index order), so that a child waiting for
    /// its parent's model never holds a session its parent needs.
    /// </summary>
    public Task[] Readiness()
    {
        var tables = _planned.Plan.Tables;
        var readiness = new Task[tables.Count];
        for (var t = 0; t < tables.Count; t++)
        {
            if (tables[t].PrimaryParent is not { } parent)
            {
                readiness[t] = Task.CompletedTask;
                continue;
            }

            var p = _position[parent.PrincipalTable];
            readiness[t] = p < t ? Task.WhenAny(_fitted[p].Task, readiness[p]) : _fitted[p].Task;
        }
        return readiness;
    }

    /// <summary>Fits table <paramref name="t"/> (in plan order) on the source's session <paramref name="session"/>; a failure also stops the children waiting for it.</summary>
    public async Task FitOneAsync(int t, int session, CancellationToken cancellationToken)
    {
        var tablePlan = _planned.Plan.Tables[t];
        if (_options.AtStep is not null) await _options.AtStep("fit " + tablePlan.Table, cancellationToken).ConfigureAwait(false);
        var watch = Stopwatch.StartNew();
        var table = _planned.Schema.Table(tablePlan.Table);
        var appended = AppendedColumn.For(tablePlan, _planned.Plan);
        var spec = new TableFitSpec
        {
            Appended = appended.Select(a => new AppendedModelColumn(a.Name, a.IsGiven ? a.ParentModelColumn : null, a.IsGiven)).ToList(),
            CodeColumns = tablePlan.ReferenceKeys.SelectMany(f => f.Columns).ToHashSet(StringComparer.Ordinal),
            TemplateModel = tablePlan.PrimaryParent is { } primary ? _fitted[_position[primary.PrincipalTable]].Task : null,
        };
        var rows = _source.ReadAsync(session, table, appended, cancellationToken);
        List<string?[]>? copied = null;
        if (tablePlan.IsReference)
        {
            copied = [];
            rows = Copying(rows, table.Columns.Count, copied, cancellationToken);
        }

        var tableOptions = _options.Synthesis.WithSeed(TableSeeds.For(_options.Synthesis.Seed, table.Name, "fit"));
        TableModel model;
        try
        {
            // A column's domain CHECKs are held as the table's own: the target judges every row by them too.
            var judged = DomainChecks.Of(table, _planned.Schema) is { Count: > 0 } domains ? table with { CheckConstraints = [.. table.CheckConstraints, .. domains] } : table;
            model = await TableSynthesizer.FitAsync(judged, rows, spec, tableOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Children waiting for this model stop with the same error.
            _fitted[t].TrySetException(e);
            throw;
        }

        _referenceRows[t] = copied;
        _fitted[t].SetResult(model);
        lock (_progressLock)
        {
            _options.TableFitted?.Invoke(new QualifiedNameProgress(tablePlan.Table, model.RowCount, watch.Elapsed, ++_done, _planned.Plan.Tables.Count));
        }
    }

    /// <summary>Passes rows through, keeping each as invariant text (a reference table is small; its rows go into the model).</summary>
    private static async IAsyncEnumerable<object?[]> Copying(IAsyncEnumerable<object?[]> rows, int width, List<string?[]> into, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var copy = new string?[width];
            for (var i = 0; i < width; i++) copy[i] = row[i] is null or DBNull ? null : Transforms.CellCodec.Format(row[i]!);
            into.Add(copy);
            yield return row;
        }
    }
}
