using System.Diagnostics;
using System.Globalization;
using Sdv.Connector.Progress;
using Sdv.Connector.SchemaIntrospection.Model;
using Spectre.Console;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// Reports long work per table: rows, rows per second and, where the total is known, time left. Plain
/// lines, one per table of the fit and the sample as it ends, so a log file reads as well as a terminal;
/// beside them, where a <see cref="IProgressView"/> is given, every event (phases, tables starting, rows as
/// they are counted, tables ending) for the live terminal view or the JSON lines.
/// </summary>
internal sealed class RunProgress
{
    private readonly IAnsiConsole _console;
    private readonly IProgressView? _view;
    private readonly bool _quiet;
    private readonly bool _tableLines;
    private readonly Stopwatch _total;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Phase, QualifiedName Table), ProgressTable> _active = [];
    private string? _step;
    private TimeSpan _stepStart;

    /// <param name="quiet">Print nothing (the lines of a run nobody reads).</param>
    public RunProgress(IAnsiConsole console, bool quiet = false)
        : this(console, null, tableLines: !quiet, clock: null)
    {
        _quiet = quiet;
    }

    /// <param name="view">Where the structured events go, or null for the plain lines only.</param>
    /// <param name="tableLines">Print the plain line of each table that ends (false when the view says the same: JSON).</param>
    /// <param name="clock">The run's clock (default: the view's), so that the lines and the view count time from the same start.</param>
    public RunProgress(IAnsiConsole console, IProgressView? view, bool tableLines = true, Stopwatch? clock = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        _console = console;
        _view = view;
        _tableLines = tableLines;
        _total = clock ?? view?.Clock ?? Stopwatch.StartNew();
    }

    /// <summary>Time since the run started.</summary>
    public TimeSpan Elapsed => _total.Elapsed;

    /// <summary>A phase begins (see <see cref="Phases"/>); <paramref name="tables"/> it works through, or 0.</summary>
    public void Phase(string phase, int tables = 0) => _view?.PhaseStarted(phase, tables, _total.Elapsed);

    /// <summary>A step of the phase that is not a table (for the views only: the plain lines stay as they were).</summary>
    public void Step(string phase, string step) => _view?.Step(phase, step, _total.Elapsed);

    /// <summary>
    /// A table starts in <paramref name="phase"/>: the returned counter is what the loop over its rows counts
    /// into (one increment per row; the views read it ten times a second).
    /// </summary>
    /// <param name="total">Rows expected, or null when unknown.</param>
    /// <param name="estimated">True when <paramref name="total"/> is an estimate.</param>
    public TableCounter Table(string phase, QualifiedName table, long? total, bool estimated = false)
    {
        var entry = new ProgressTable(phase, table.ToString(), total, estimated, _total.Elapsed);
        lock (_gate) _active[(phase, table)] = entry;
        _view?.TableStarted(entry);
        return entry.Counter;
    }

    /// <summary>A table ends: the plain line (fit and sample) and the views' event.</summary>
    /// <param name="step">The phase (see <see cref="Phases"/>).</param>
    /// <param name="number">Tables of the phase done, this one included.</param>
    public void TableDone(string step, int number, int tables, QualifiedName table, long rows, TimeSpan elapsed)
    {
        ProgressTable? entry;
        lock (_gate)
        {
            if (_active.Remove((step, table), out entry) is false) entry = null;
        }
        entry ??= new ProgressTable(step, table.ToString(), null, false, _total.Elapsed - elapsed);
        entry.Done(rows, elapsed);
        _view?.TableDone(entry, number, tables, _total.Elapsed);
        if (_quiet || !_tableLines || step is not (Phases.Fit or Phases.Sample)) return;
        if (step != _step)
        {
            // Time left is estimated per step (fit, sample), from that step's own pace.
            _step = step;
            _stepStart = _total.Elapsed - elapsed;
        }
        var rate = elapsed.TotalSeconds > 0 ? rows / elapsed.TotalSeconds : 0;
        var left = number < tables && number > 0 ? TimeSpan.FromSeconds((_total.Elapsed - _stepStart).TotalSeconds / number * (tables - number)) : TimeSpan.Zero;
        _console.MarkupLine(CultureInfo.InvariantCulture, "{0} [[{1}/{2}]] {3}: {4} rows in {5:0.00} s ({6} rows/s){7}",
            step, number, tables, Markup.Escape(table.ToString()), rows.ToString("N0", CultureInfo.InvariantCulture), elapsed.TotalSeconds,
            rate.ToString("N0", CultureInfo.InvariantCulture), left > TimeSpan.Zero ? $", about {left.TotalSeconds:0} s left" : string.Empty);
    }

    public void Line(string text)
    {
        if (!_quiet) _console.MarkupLine(Markup.Escape(text));
    }
}
