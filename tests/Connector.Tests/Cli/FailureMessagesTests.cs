using Microsoft.Data.Sqlite;
using Npgsql;
using Sdv.Connector.Cli;
using Xunit;

namespace Sdv.Connector.Tests.Cli;

/// <summary>The one classifier every command uses, `run` included, from a failure to its exit code and message.</summary>
public sealed class FailureMessagesTests
{
    [Fact]
    public void A_refused_privilege_is_a_connection_failure_that_says_which_rights_to_grant()
    {
        var (code, message) = FailureMessages.Describe(new PostgresException("permission denied for table patients", "ERROR", "ERROR", "42501"));
        Assert.Equal(ExitCodes.ConnectionFailed, code);
        Assert.Contains("refused access", message, StringComparison.Ordinal);
        Assert.Contains("--exclude", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_disk_is_said_plainly_not_as_a_value_that_did_not_fit()
    {
        var full = new SqliteException("SQLite Error 13: 'database or disk is full'.", 13);
        var (code, message) = FailureMessages.Describe(full);
        Assert.Equal(ExitCodes.Failure, code);
        Assert.StartsWith("the target's disk is full", message, StringComparison.Ordinal);
        Assert.DoesNotContain("bug", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_other_database_error_is_a_failure_in_the_databases_words()
    {
        var (code, message) = FailureMessages.Describe(new PostgresException("relation \"x\" does not exist", "ERROR", "ERROR", "42P01"));
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("relation \"x\" does not exist", message, StringComparison.Ordinal);
    }
}
