using System.CommandLine;
using Sdv.Connector.Failures;
using Sdv.Connector.Progress;

namespace Sdv.Connector.Cli;

/// <summary>`--quiet` and `--json-progress` (clone, fit, sample, run, evaluate): how a command shows its progress to a scheduler.</summary>
internal sealed class ProgressOptions
{
    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "Print only errors (on stderr) and the final one-line result: for cron jobs and scripts.",
    };

    public Option<bool> JsonProgress { get; } = new("--json-progress")
    {
        Description = "Print one JSON object per line on stdout for every progress event (phase, table, rows, total, elapsed; "
            + "at most ten a second per table) and a final {\"event\":\"result\"} object; other lines become {\"event\":\"message\"}. Errors still go to stderr.",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Quiet);
        command.Options.Add(JsonProgress);
    }

    /// <summary>The mode asked for (<see cref="ProgressMode.Plain"/> leaves the choice of a live view to the terminal).</summary>
    public ProgressMode ModeOf(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (quiet, json) = (result.GetValue(Quiet), result.GetValue(JsonProgress));
        if (quiet && json)
            throw new UserInputException("--quiet and --json-progress cannot be given together: --quiet prints only the final line, --json-progress an object per event. Choose one.");
        return quiet ? ProgressMode.Quiet : json ? ProgressMode.Json : ProgressMode.Plain;
    }
}
