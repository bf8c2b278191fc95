using System.Diagnostics;
using System.Text.Json.Nodes;
using Sdv.Connector.Pipeline;
using Sdv.Connector.Progress;
using Spectre.Console;

namespace Sdv.Connector.Cli;

/// <summary>What every command shares: where output goes, how progress is shown, and how failures become messages and exit codes.</summary>
internal sealed class CliContext : IAsyncDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TextWriter _output;
    private IProgressView? _view;
    private RunProgress? _progress;
    private JsonLines? _json;
    private bool _resultWritten;

    public CliContext(TextWriter output, TextWriter error, bool interactive)
    {
        _output = output;
        Error = error;
        Interactive = interactive;
        Console = Output.For(output, interactive);
        HumanOut = output;
    }

    /// <summary>Where the command's human output goes (nowhere under --quiet, message events under --json-progress).</summary>
    public IAnsiConsole Console { get; private set; }

    /// <summary>The same as <see cref="Console"/> for code that writes plain lines (the nightly run's tee).</summary>
    public TextWriter HumanOut { get; private set; }

    public TextWriter Error { get; }

    public bool Interactive { get; }

    /// <summary>Set by <c>--verbose</c>: a failure also prints its .NET details (type and stack trace) after the message.</summary>
    public bool Verbose { get; set; }

    /// <summary>How progress is shown, once <see cref="BeginProgress"/> has chosen (plain until then).</summary>
    public ProgressMode Mode { get; private set; } = ProgressMode.Plain;

    /// <summary>The progress every step of the command reports to (plain lines on <see cref="Console"/> until <see cref="BeginProgress"/>).</summary>
    public RunProgress Progress => _progress ??= new RunProgress(Console, null, tableLines: true, _clock);

    /// <summary>The structured view (live or JSON) behind <see cref="Progress"/>, for code that makes a progress of its own (the nightly run).</summary>
    public IProgressView? View => _view;

    /// <summary>
    /// Chooses how the command shows progress: <see cref="ProgressMode.Quiet"/> and <see cref="ProgressMode.Json"/>
    /// as asked; otherwise the live view when stdout is a terminal that takes ANSI codes, plain lines when it is not.
    /// </summary>
    public void BeginProgress(ProgressMode requested)
    {
        Mode = requested is ProgressMode.Plain or ProgressMode.Live
            ? Interactive && Console.Profile.Capabilities is { Ansi: true, Interactive: true } ? ProgressMode.Live : ProgressMode.Plain
            : requested;
        switch (Mode)
        {
            case ProgressMode.Live:
                _view = new LiveProgressView(Console, _clock);
                HumanOut = new ConsoleLineWriter(Console);
                _progress = new RunProgress(Console, _view, tableLines: true, _clock);
                break;
            case ProgressMode.Quiet:
                HumanOut = TextWriter.Null;
                Console = Output.For(TextWriter.Null, interactive: false);
                _progress = new RunProgress(Console, quiet: true);
                break;
            case ProgressMode.Json:
                _json = new JsonLines(_output);
                HumanOut = new JsonMessageWriter(_json);
                Console = Output.For(HumanOut, interactive: false);
                // One message per line as the command wrote it: not wrapped at the plain console's 200 columns.
                Console.Profile.Width = 100_000;
                _view = new JsonProgressView(_json, _clock);
                _progress = new RunProgress(Console, _view, tableLines: false, _clock);
                break;
            default:
                _progress = new RunProgress(Console, null, tableLines: true, _clock);
                break;
        }
    }

    /// <summary>
    /// The command's outcome in one line and as fields: printed alone under --quiet, the final "result" object under
    /// --json-progress (with outcome, exit code and elapsed seconds), nothing more otherwise (the command's own
    /// lines already said it).
    /// </summary>
    public void Result(string line, JsonObject? fields = null, int exitCode = ExitCodes.Success, string outcome = "success")
    {
        ArgumentNullException.ThrowIfNull(line);
        _resultWritten = true;
        switch (Mode)
        {
            case ProgressMode.Quiet when exitCode == ExitCodes.Success:
                _output.WriteLine(line);
                break;
            case ProgressMode.Json:
                var result = new JsonObject { ["event"] = "result", ["outcome"] = outcome, ["exit_code"] = exitCode, ["elapsed"] = JsonLines.Seconds(_clock.Elapsed) };
                foreach (var (key, value) in fields ?? []) result[key] = value?.DeepClone();
                if (exitCode == ExitCodes.Success) result["line"] = line;
                _json!.Write(result);
                break;
        }
    }

    /// <summary>
    /// Runs a command's work. Every failure prints the one or two lines <see cref="FailureMessages"/>
    /// gives it, with its exit code; never a stack trace unless <see cref="Verbose"/>. The progress view is
    /// stopped before a failure is printed, and under --json-progress a failure ends with a "result" object too.
    /// </summary>
    public async Task<int> RunAsync(Func<Task<int>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        int code;
        string? failure = null;
        try
        {
            code = await work();
        }
        catch (OperationCanceledException)
        {
            await StopProgressAsync();
            failure = "cancelled: nothing more was written, and the tables this run had created were removed.";
            await Error.WriteLineAsync(failure);
            code = ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            await StopProgressAsync();
            (code, failure) = FailureMessages.Describe(e);
            await WriteFailureAsync(e, failure);
        }
        await StopProgressAsync();
        if (!_resultWritten && code != ExitCodes.Success && Mode == ProgressMode.Json)
        {
            Result(failure ?? "failed", new JsonObject { ["error"] = failure }, code, code == ExitCodes.Cancelled ? "cancelled" : "failed");
        }
        await DisposeAsync();
        return code;
    }

    /// <summary>Stops the progress view and writes the JSON lines still queued.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopProgressAsync();
        if (_json is not null)
        {
            // A last line written without its line end is still a message.
            await HumanOut.FlushAsync();
            await _json.DisposeAsync();
            _json = null;
        }
    }

    /// <summary>Prints a failure as <see cref="FailureMessages"/> describes it (and, with --verbose, its details); returns its exit code.</summary>
    public async Task<int> ReportAsync(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var (code, message) = FailureMessages.Describe(e);
        await WriteFailureAsync(e, message);
        return code;
    }

    private async Task WriteFailureAsync(Exception e, string message)
    {
        await Error.WriteLineAsync($"error: {message}");
        if (Verbose) await Error.WriteLineAsync(e.ToString());
    }

    /// <summary>Stops the live or JSON view (idempotent): before a failure is printed, and when the command ends.</summary>
    public async Task StopProgressAsync()
    {
        if (_view is null) return;
        var view = _view;
        _view = null;
        await view.DisposeAsync();
    }
}
