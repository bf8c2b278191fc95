using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Sdv.Connector.Progress;

/// <summary>
/// --json-progress: every event as one JSON object per line. "phase" and "step" as they happen; "table" when a
/// table starts (rows 0), at most ten times a second while its rows move, and when it ends ("done": true, with
/// its own seconds and its number in the phase). Every table event carries phase, table, rows, total (null when
/// unknown) and elapsed (seconds since the command started).
/// </summary>
internal sealed class JsonProgressView : IProgressView
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly JsonLines _lines;
    private readonly Stopwatch _clock;
    private readonly Lock _gate = new();
    private readonly Dictionary<ProgressTable, long> _active = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _ticker;

    public JsonProgressView(JsonLines lines, Stopwatch clock)
    {
        _lines = lines;
        _clock = clock;
        _ticker = Task.Run(TickAsync);
    }

    public Stopwatch Clock => _clock;

    // Every event is stamped by the view's own clock under its lock, so "elapsed" never goes back from one line to the next.
    public void PhaseStarted(string phase, int tables, TimeSpan elapsed)
    {
        lock (_gate) _lines.Write(new JsonObject { ["event"] = "phase", ["phase"] = phase, ["tables"] = tables, ["elapsed"] = JsonLines.Seconds(_clock.Elapsed) });
    }

    public void Step(string phase, string step, TimeSpan elapsed)
    {
        lock (_gate) _lines.Write(new JsonObject { ["event"] = "step", ["phase"] = phase, ["step"] = step, ["elapsed"] = JsonLines.Seconds(_clock.Elapsed) });
    }

    public void TableStarted(ProgressTable table)
    {
        lock (_gate)
        {
            _active[table] = 0;
            _lines.Write(Event(table, 0, _clock.Elapsed));
        }
    }

    public void TableDone(ProgressTable table, int number, int tables, TimeSpan elapsed)
    {
        lock (_gate)
        {
            var done = Event(table, table.Rows, _clock.Elapsed);
            done["done"] = true;
            done["seconds"] = JsonLines.Seconds(table.Duration ?? TimeSpan.Zero);
            done["number"] = number;
            done["tables"] = tables;
            _active.Remove(table);
            _lines.Write(done);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _ticker;
        _stop.Dispose();
    }

    private static JsonObject Event(ProgressTable table, long rows, TimeSpan elapsed) => new()
    {
        ["event"] = "table",
        ["phase"] = table.Phase,
        ["table"] = table.Table,
        ["rows"] = rows,
        ["total"] = table.Total,
        ["estimated"] = table.Estimated,
        ["elapsed"] = JsonLines.Seconds(elapsed),
        ["done"] = false,
    };

    /// <summary>Ten times a second: one event per table whose rows moved since its last event.</summary>
    private async Task TickAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                lock (_gate)
                {
                    foreach (var (table, reported) in _active.ToList())
                    {
                        var rows = table.Counter.Rows;
                        if (rows == reported) continue;
                        _active[table] = rows;
                        _lines.Write(Event(table, rows, _clock.Elapsed));
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: the command is over.
        }
    }
}
