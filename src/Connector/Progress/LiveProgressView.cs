using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Sdv.Connector.Progress;

/// <summary>
/// The live view on a terminal (Spectre.Console): a header with the phase, the tables done and the time so far,
/// then one line per table in flight with its rows, rows per second and time left where its total is known,
/// redrawn in place ten times a second. The plain line of each table that ends, and every other line the command
/// prints, scroll above it. The workers only record (<see cref="TableStarted"/>, <see cref="TableDone"/>); the
/// Spectre tasks are created, moved and removed on the view's own loop, so drawing never holds a worker up.
/// </summary>
internal sealed class LiveProgressView : IProgressView
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly Stopwatch _clock;
    private readonly IAnsiConsole _console;
    private readonly EraseLiveArea _erase = new();
    private readonly Lock _gate = new();
    private readonly List<ProgressTable> _started = [];
    private readonly List<ProgressTable> _done = [];
    private readonly Dictionary<ProgressTable, ProgressTask> _tasks = [];
    private readonly ConcurrentDictionary<int, string[]> _cells = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _display;
    private string _phase = "starting";
    private string? _step;
    private int _tables;
    private int _tablesDone;
    private volatile string _header = "[bold]starting[/]";

    public LiveProgressView(IAnsiConsole console, Stopwatch clock)
    {
        ArgumentNullException.ThrowIfNull(console);
        _clock = clock;
        var progress = console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(
                new SpinnerColumn(),
                new CellColumn(_cells, 0),
                new ProgressBarColumn { Width = 24 },
                new CellColumn(_cells, 1, rightAligned: true),
                new CellColumn(_cells, 2, rightAligned: true),
                new CellColumn(_cells, 3, rightAligned: true))
            .UseRenderHook((grid, _) => new Rows(new Markup(_header), grid));
        progress.RefreshRate = Interval;
        _console = console;
        _display = Task.Run(() => progress.StartAsync(RunAsync));
    }

    public Stopwatch Clock => _clock;

    public void PhaseStarted(string phase, int tables, TimeSpan elapsed)
    {
        lock (_gate)
        {
            (_phase, _tables, _tablesDone, _step) = (phase, tables, 0, null);
        }
    }

    public void Step(string phase, string step, TimeSpan elapsed)
    {
        lock (_gate)
        {
            if (phase != _phase) (_phase, _tables, _tablesDone) = (phase, 0, 0);
            _step = step;
        }
    }

    public void TableStarted(ProgressTable table)
    {
        lock (_gate) _started.Add(table);
    }

    public void TableDone(ProgressTable table, int number, int tables, TimeSpan elapsed)
    {
        lock (_gate)
        {
            _done.Add(table);
            if (table.Phase == _phase) (_tablesDone, _tables) = (Math.Max(_tablesDone, number), tables);
        }
    }

    /// <summary>Stops the view and clears it from the terminal (the lines printed above it stay).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _display;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The view is a courtesy: a terminal it could not draw on (another live display held it, a width it could
            // not lay out) costs the view, never the command, whose lines went out regardless.
        }
        _stop.Dispose();
    }

    private async Task RunAsync(ProgressContext context)
    {
        _console.Pipeline.Attach(_erase);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                Update(context);
                await Task.Delay(Interval, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the command is over.
        }
        finally
        {
            _console.Pipeline.Detach(_erase);
        }
    }

    /// <summary>Brings the Spectre tasks in line with what the workers recorded since the last tick.</summary>
    private void Update(ProgressContext context)
    {
        List<ProgressTable> started, done;
        string phase;
        string? step;
        int tables, tablesDone;
        lock (_gate)
        {
            (started, done) = ([.. _started], [.. _done]);
            _started.Clear();
            _done.Clear();
            (phase, step, tables, tablesDone) = (_phase, _step, _tables, _tablesDone);
        }
        var now = _clock.Elapsed;
        foreach (var table in started)
        {
            var task = context.AddTask(Markup.Escape(table.Table), new ProgressTaskSettings { AutoStart = true, MaxValue = Math.Max(1, table.Total ?? 1) });
            task.IsIndeterminate = table.Total is null or 0;
            _tasks[table] = task;
        }
        foreach (var table in done)
        {
            if (!_tasks.Remove(table, out var task)) continue;
            _cells.TryRemove(task.Id, out _);
            task.Value = task.MaxValue;
            task.StopTask();
        }
        foreach (var (table, task) in _tasks)
        {
            var rows = table.Counter.Rows;
            if (table.Counter.Finished) table.RowsEnded ??= now;
            // An estimated total can be passed; the bar then waits at its end instead of ending the task.
            if (!task.IsIndeterminate) task.Value = Math.Min(rows, task.MaxValue * 0.999);
            _cells[task.Id] = Cells(table, rows, now);
        }
        var counts = tables > 0 ? $"  {tablesDone}/{tables} tables" : string.Empty;
        var doing = step is null ? string.Empty : "  " + Markup.Escape(step);
        _header = $"[bold]{Markup.Escape(phase)}[/]{counts}{doing}  [grey]{Seconds(now)}[/]";
    }

    private static string[] Cells(ProgressTable table, long rows, TimeSpan now)
    {
        var total = table.Total is { } t and > 0 ? $" / {(table.Estimated ? "~" : string.Empty)}{t.ToString("N0", CultureInfo.InvariantCulture)}" : string.Empty;
        var rate = table.Rate(now);
        // Past the last row a fit builds its model and a load writes its last batches: say so rather than "0 s left".
        var left = table.Counter.Finished ? (table.Phase == Phases.Fit ? "[grey]modelling[/]" : "[grey]finishing[/]")
            : table.Left(now) is { } l ? $"~{Seconds(l)} left" : string.Empty;
        // A table whose rows are not counted (evaluate) shows only its name and the spinner.
        var counted = rows > 0 || total.Length > 0;
        return
        [
            $"{Markup.Escape(table.Phase)} [blue]{Markup.Escape(Shorten(table.Table, 40))}[/]",
            counted ? $"{rows.ToString("N0", CultureInfo.InvariantCulture)}{total} rows" : string.Empty,
            rate > 0 ? $"{rate.ToString("N0", CultureInfo.InvariantCulture)} rows/s" : string.Empty,
            left,
        ];
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds < 60
        ? time.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s"
        : time.ToString(time.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    /// <summary>
    /// Erases the live area before anything is written over it. Spectre.Console 0.49 moves the cursor back to the
    /// top of the live area and writes the new lines over the old ones without erasing them, so a line shorter than
    /// the live line beneath it kept that line's tail ("...None well above chance. tables  relationships  53 s",
    /// seen on a clone's wrapped summary lines). "Erase to the end of the screen" right after that cursor move
    /// clears the whole area; the live lines are drawn again just after. Whichever order the pipeline runs the
    /// hooks in, the erase lands after the cursor move: Spectre's hook puts its cursor move (a control code) first.
    /// </summary>
    private sealed class EraseLiveArea : IRenderHook
    {
        private static readonly ControlCode EraseBelow = new("\u001b[0J");

        public IEnumerable<IRenderable> Process(RenderOptions options, IEnumerable<IRenderable> renderables)
        {
            var list = renderables.ToList();
            list.Insert(list.Count > 0 && list[0] is ControlCode ? 1 : 0, EraseBelow);
            return list;
        }
    }

    /// <summary>One precomputed cell per task (markup), set by the view's loop and drawn by Spectre's.</summary>
    private sealed class CellColumn(ConcurrentDictionary<int, string[]> cells, int index, bool rightAligned = false) : ProgressColumn
    {
        protected override bool NoWrap => true;

        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            var text = cells.TryGetValue(task.Id, out var row) ? row[index] : string.Empty;
            var markup = new Markup(text);
            return rightAligned ? markup.RightJustified() : markup;
        }
    }
}
