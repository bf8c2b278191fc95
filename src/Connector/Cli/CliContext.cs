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
            await Error.WriteLineAsync("cancelled: nothing more was written, and the tables this run had created were removed.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException or UnauthorizedAccessException)
        {
            // A path the user gave (--out, --model, --json, ...) that cannot be written or read.
            await Error.WriteLineAsync($"error: {e.Message} Check the path and its folder's permissions.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (DbException e) when (IsAccessDenied(e))
        {
            await Error.WriteLineAsync($"error: the database refused access: {Pipeline.OpenDatabase.Describe(e)}. Grant the account the rights it needs (SELECT on every table of the source), or leave that table out with --exclude.").ConfigureAwait(false);
            return ExitCodes.ConnectionFailed;
        }
        catch (DbException e)
        {
            await Error.WriteLineAsync($"error: the database said: {Pipeline.OpenDatabase.Describe(e)}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    /// <summary>A missing privilege (PostgreSQL 42501, MySQL 1142/1143, SQL Server 229): the account's rights, not a bug.</summary>
    private static bool IsAccessDenied(DbException e) =>
        e.SqlState == "42501"
        || e is MySqlConnector.MySqlException { Number: 1142 or 1143 }
        || e is Microsoft.Data.SqlClient.SqlException { Number: 229 };
}
