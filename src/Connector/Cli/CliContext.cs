using System.Data.Common;
using Spectre.Console;

namespace Sdv.Connector.Cli;

/// <summary>What every command shares: where output goes, and how failures become messages and exit codes.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, bool interactive)
{
    public IAnsiConsole Console { get; } = Output.For(output, interactive);

    public TextWriter Error { get; } = error;

    public bool Interactive { get; } = interactive;

    /// <summary>Runs a command's work; known failures print one clear message, never a stack trace.</summary>
    public async Task<int> RunAsync(Func<Task<int>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (UserInputException e)
        {
            await Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await Error.WriteLineAsync("cancelled: nothing more was written; the target is as it was before this run.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (DbException e)
        {
            await Error.WriteLineAsync($"error: the database said: {Pipeline.OpenDatabase.Describe(e)}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }
}
