using System.Data.Common;
using System.Text.RegularExpressions;
using Sdv.Connector.Engines;
using Sdv.Connector.Failures;
using Sdv.Connector.Pipeline;

namespace Sdv.Connector.Cli;

/// <summary>
/// The one classifier from a failure to what a user reads and the exit code a scheduler sees
/// (README, "Exit codes"), used by every command, `run` included. Every message is one or two plain
/// lines: what failed, where (table and column where the database said which), and what to do. Stack
/// traces are never part of it; the caller prints one only when --verbose asks. What a driver's
/// exception means is each engine's to say (<see cref="IEngineFaults"/>).
/// </summary>
internal static partial class FailureMessages
{
    /// <summary>The exit code and the lines to print for <paramref name="e"/> (not a cancellation).</summary>
    public static (int ExitCode, string Message) Describe(Exception e)
    {
        var failure = Classify(e);
        return (failure.ExitCode, failure.Message);
    }

    /// <summary>The kind of failure <paramref name="e"/> is (not a cancellation) and the lines to print for it.</summary>
    public static ClassifiedFailure Classify(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        switch (e)
        {
            case FailureException known:
                return new(known.Kind, known.Message);
            case DirectoryNotFoundException or FileNotFoundException or UnauthorizedAccessException:
                // A path the user gave (--out, --model, --json, ...) that cannot be written or read.
                return new(FailureKind.BadInput, $"{e.Message} Check the path and its folder's permissions.");
            case var full when DiskFull.Is(full):
                // Before the load's own message: a full disk is neither a bug nor a value that did not fit.
                return new(FailureKind.DiskFull, $"the target's disk is full ({OpenDatabase.Describe(full)}). Free space on the target and run again.");
            case TableLoadException load:
                return new(FailureKind.Unexpected, LoadMessage(load));
            case var denied when EngineAdapters.AnyEngineSays(denied, (faults, x) => faults.IsAccessDenied(x)):
                return new(FailureKind.AccessDenied, $"the database refused access: {OpenDatabase.Describe(denied)}. Grant the account the rights it needs (SELECT on every table of the source), or leave that table out with --exclude.");
            case var lost when TransientFaults.IsConnectionLost(lost):
                return new(FailureKind.ConnectionFailed, $"the database said: {OpenDatabase.Describe(lost)}. The connection was lost or the server was busy; run again once it is back.");
            case DbException db:
                return new(FailureKind.Unexpected, $"the database said: {OpenDatabase.Describe(db)}");
            case OutOfMemoryException:
                return new(FailureKind.Unexpected, "the run ran out of memory. Lower --max-parallel, or leave the largest tables out with --exclude.");
            case IOException io when io.Message.Contains("space", StringComparison.OrdinalIgnoreCase):
                return new(FailureKind.DiskFull, $"a disk is full ({io.Message.Split('\n')[0].Trim()}). Free space (TMPDIR, the target's disk) and run again.");
            default:
                return new(FailureKind.Unexpected, $"unexpected failure: {OpenDatabase.Describe(e)}\nRun again with --verbose for the details, and report it with that output.");
        }
    }

    private static string LoadMessage(TableLoadException load)
    {
        var inner = load.InnerException ?? load;
        var said = OpenDatabase.Describe(inner);
        var column = EngineAdapters.ColumnNamedIn(inner) ?? (ColumnInMessage().Match(inner.Message) is { Success: true } m ? m.Groups[1].Value : null);
        var kind = column is null ? null : load.Schema?.FindColumn(column) is { } c ? $" ({c.NativeType} values)" : null;
        var where = column is null ? $"table {load.Table}" : $"table {load.Table}, column {column}{kind}";
        var hint = load.Step == "loading"
            ? $"A synthetic value did not fit the target's column: this is a bug of the connector; report it. To clone the rest now, leave the table out with --exclude {load.Table?.Name}, or give the column another sdtype in a --metadata file."
            : $"The target refused the statement; check the target's version and extensions, or leave the table out with --exclude {load.Table?.Name}.";
        return $"{load.Step} {where} failed: {said}\n{hint}";
    }

    /// <summary>A column named only in the message, as MySQL ("for column 'x'") and SQL Server ("column 'x'") name it.</summary>
    [GeneratedRegex(@"column '([^']+)'", RegexOptions.IgnoreCase)]
    private static partial Regex ColumnInMessage();
}
