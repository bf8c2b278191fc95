using System.Data.Common;
using System.Text.RegularExpressions;
using Sdv.Connector.Pipeline;

namespace Sdv.Connector.Cli;

/// <summary>
/// The one classifier from a failure to what a user reads and the exit code a scheduler sees
/// (README, "Exit codes"). Every message is one or two plain lines: what failed, where (table and
/// column where the database said which), and what to do. Stack traces are never part of it; the
/// caller prints one only when --verbose asks.
/// </summary>
internal static partial class FailureMessages
{
    /// <summary>The exit code and the lines to print for <paramref name="e"/> (not a cancellation).</summary>
    public static (int ExitCode, string Message) Describe(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        switch (e)
        {
            case UserInputException input:
                return (input.ExitCode, input.Message);
            case DirectoryNotFoundException or FileNotFoundException or UnauthorizedAccessException:
                // A path the user gave (--out, --model, --json, ...) that cannot be written or read.
                return (ExitCodes.BadInput, $"{e.Message} Check the path and its folder's permissions.");
            case var full when Nightly.DiskFull.Is(full):
                // Before the load's own message: a full disk is neither a bug nor a value that did not fit.
                return (ExitCodes.Failure, $"the target's disk is full ({OpenDatabase.Describe(full)}). Free space on the target and run again; a fresh target is left empty.");
            case TableLoadException load:
                return (ExitCodes.Failure, LoadMessage(load));
            case DbException db when IsAccessDenied(db):
                return (ExitCodes.ConnectionFailed, $"the database refused access: {OpenDatabase.Describe(db)}. Grant the account the rights it needs (SELECT on every table of the source), or leave that table out with --exclude.");
            case DbException db:
                return (ExitCodes.Failure, $"the database said: {OpenDatabase.Describe(db)}");
            case OutOfMemoryException:
                return (ExitCodes.Failure, "the run ran out of memory. Lower --max-parallel, or leave the largest tables out with --exclude.");
            case IOException io when io.Message.Contains("space", StringComparison.OrdinalIgnoreCase):
                return (ExitCodes.Failure, $"a disk is full ({io.Message.Split('\n')[0].Trim()}). Free space (TMPDIR, the target's disk) and run again.");
            default:
                return (ExitCodes.Failure, $"unexpected failure: {OpenDatabase.Describe(e)}\nRun again with --verbose for the details, and report it with that output.");
        }
    }

    /// <summary>A missing privilege (PostgreSQL 42501, MySQL 1142/1143, SQL Server 229): the account's rights, not a bug.</summary>
    public static bool IsAccessDenied(DbException e) =>
        e.SqlState == "42501"
        || e is MySqlConnector.MySqlException { Number: 1142 or 1143 }
        || e is Microsoft.Data.SqlClient.SqlException { Number: 229 };

    private static string LoadMessage(TableLoadException load)
    {
        var inner = load.InnerException ?? load;
        var said = OpenDatabase.Describe(inner);
        var column = ColumnOf(inner);
        var kind = column is null ? null : load.Schema?.FindColumn(column) is { } c ? $" ({c.NativeType} values)" : null;
        var where = column is null ? $"table {load.Table}" : $"table {load.Table}, column {column}{kind}";
        var hint = load.Step == "loading"
            ? $"A synthetic value did not fit the target's column: this is a bug of the connector; report it. To clone the rest now, leave the table out with --exclude {load.Table?.Name}, or give the column another sdtype in a --metadata file."
            : $"The target refused the statement; check the target's version and extensions, or leave the table out with --exclude {load.Table?.Name}.";
        return $"{load.Step} {where} failed: {said}\n{hint}";
    }

    /// <summary>The column the database named, where it did (PostgreSQL's COPY context or column field, MySQL's "for column 'x'").</summary>
    private static string? ColumnOf(Exception e)
    {
        if (e is Npgsql.PostgresException pg)
        {
            if (!string.IsNullOrEmpty(pg.ColumnName)) return pg.ColumnName;
            if (pg.Where is { } where && PostgresCopyColumn().Match(where) is { Success: true } m) return m.Groups[1].Value;
        }
        return MySqlColumn().Match(e.Message) is { Success: true } my ? my.Groups[1].Value : null;
    }

    [GeneratedRegex(@"column (\w+)")]
    private static partial Regex PostgresCopyColumn();

    [GeneratedRegex(@"column '([^']+)'", RegexOptions.IgnoreCase)]
    private static partial Regex MySqlColumn();
}
