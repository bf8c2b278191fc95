using System.Diagnostics;
using System.Globalization;
using Sdv.Connector.SchemaIntrospection.Model;
using Spectre.Console;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// Reports long work per table: rows, rows per second and, where the total is known, time left.
/// Plain lines, one per table, so a log file reads as well as a terminal.
/// </summary>
internal sealed class RunProgress(IAnsiConsole console, bool quiet = false)
{
    private readonly Stopwatch _total = Stopwatch.StartNew();
    private string? _step;
    private TimeSpan _stepStart;

    public void TableDone(string step, int number, int tables, QualifiedName table, long rows, TimeSpan elapsed)
    {
        if (quiet) return;
        if (step != _step)
        {
            // Time left is estimated per step (fit, sample), from that step's own pace.
            _step = step;
            _stepStart = _total.Elapsed - elapsed;
        }
        var rate = elapsed.TotalSeconds > 0 ? rows / elapsed.TotalSeconds : 0;
        var left = number < tables && number > 0 ? TimeSpan.FromSeconds((_total.Elapsed - _stepStart).TotalSeconds / number * (tables - number)) : TimeSpan.Zero;
        console.MarkupLine(CultureInfo.InvariantCulture, "{0} [[{1}/{2}]] {3}: {4} rows in {5:0.00} s ({6} rows/s){7}",
            step, number, tables, Markup.Escape(table.ToString()), rows.ToString("N0", CultureInfo.InvariantCulture), elapsed.TotalSeconds,
            rate.ToString("N0", CultureInfo.InvariantCulture), left > TimeSpan.Zero ? $", about {left.TotalSeconds:0} s left" : string.Empty);
    }

    public void Line(string text)
    {
        if (!quiet) console.MarkupLine(Markup.Escape(text));
    }
}
