using Spectre.Console;

namespace Sdv.Connector.Cli;

/// <summary>What every command shares: where output goes, and how failures become messages and exit codes.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, bool interactive)
{
    public IAnsiConsole Console { get; } = Output.For(output, interactive);

    public TextWriter Error { get; } = error;

    public bool Interactive { get; } = interactive;

    /// <summary>Set by <c>--verbose</c>: a failure also prints its .NET details (type and stack trace) after the message.</summary>
    public bool Verbose { get; set; }

    /// <summary>
    /// Runs a command's work. Every failure prints the one or two lines <see cref="FailureMessages"/>
    /// gives it, with its exit code; never a stack trace unless <see cref="Verbose"/>.
    /// </summary>
    public async Task<int> RunAsync(Func<Task<int>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await Error.WriteLineAsync("cancelled: nothing more was written, and the tables this run had created were removed.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            return await ReportAsync(e).ConfigureAwait(false);
        }
    }

    /// <summary>Prints a failure as <see cref="FailureMessages"/> describes it (and, with --verbose, its details); returns its exit code.</summary>
    public async Task<int> ReportAsync(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var (code, message) = FailureMessages.Describe(e);
        await Error.WriteLineAsync($"error: {message}").ConfigureAwait(false);
        if (Verbose) await Error.WriteLineAsync(e.ToString()).ConfigureAwait(false);
        return code;
    }
}
