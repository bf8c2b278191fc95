using Microsoft.Data.Sqlite;
using Npgsql;
using Sdv.Connector.Cli;
using Sdv.Connector.Failures;
using Sdv.Connector.Nightly;
using Sdv.Connector.Pipeline;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.Tests.Cli;

/// <summary>The one classifier every command uses, `run` included, from a failure to its exit code and message.</summary>
public sealed class FailureMessagesTests
{
    /// <summary>The README's "Exit codes" table, written out here so that a changed code fails a test.</summary>
    [Theory]
    [InlineData(nameof(FailureKind.Unexpected), 1)]
    [InlineData(nameof(FailureKind.DiskFull), 1)]
    [InlineData(nameof(FailureKind.BadInput), 2)]
    [InlineData(nameof(FailureKind.ConnectionFailed), 3)]
    [InlineData(nameof(FailureKind.AccessDenied), 3)]
    [InlineData(nameof(FailureKind.GateFailed), 4)]
    [InlineData(nameof(FailureKind.Refused), 5)]
    [InlineData(nameof(FailureKind.CheckFailed), 6)]
    [InlineData(nameof(FailureKind.Busy), 7)]
    public void Each_kind_of_failure_has_its_documented_exit_code(string kindName, int exitCode)
    {
        var kind = Enum.Parse<FailureKind>(kindName);
        Assert.Equal(exitCode, ExitCodes.Of(kind));
        var (code, message) = FailureMessages.Describe(new FailureException(kind, "what failed, and what to do"));
        Assert.Equal(exitCode, code);
        Assert.Equal("what failed, and what to do", message);
    }

    [Fact]
    public void Every_kind_of_failure_has_an_exit_code() =>
        Assert.All(Enum.GetValues<FailureKind>(), kind => Assert.InRange(ExitCodes.Of(kind), ExitCodes.Failure, ExitCodes.Busy));

    [Fact]
    public void The_typed_failures_of_a_run_keep_their_kinds()
    {
        Assert.Equal(ExitCodes.BadInput, FailureMessages.Describe(new UserInputException("--scale must be positive")).ExitCode);
        Assert.Equal(ExitCodes.CheckFailed, FailureMessages.Describe(new StagingCheckException("the new clone has orphans")).ExitCode);
        Assert.Equal(ExitCodes.Busy, FailureMessages.Describe(new TargetBusyException("another run holds the lock")).ExitCode);
    }

    [Fact]
    public void A_refused_privilege_is_a_connection_failure_that_says_which_rights_to_grant()
    {
        var failure = FailureMessages.Classify(new PostgresException("permission denied for table patients", "ERROR", "ERROR", "42501"));
        Assert.Equal(FailureKind.AccessDenied, failure.Kind);
        Assert.Equal(ExitCodes.ConnectionFailed, failure.ExitCode);
        Assert.Contains("refused access", failure.Message, StringComparison.Ordinal);
        Assert.Contains("--exclude", failure.Message, StringComparison.Ordinal);
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
    public void A_full_disk_met_while_loading_a_table_is_a_full_disk_not_a_load_failure()
    {
        var table = new TableSchema { Name = new QualifiedName(null, "orders"), Columns = [] };
        var failure = FailureMessages.Classify(new TableLoadException(table, "loading", new PostgresException("could not extend file", "ERROR", "ERROR", "53100")));
        Assert.Equal(FailureKind.DiskFull, failure.Kind);
        Assert.StartsWith("the target's disk is full", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_the_server_dropped_is_a_connection_failure_in_every_command()
    {
        var failure = FailureMessages.Classify(new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"));
        Assert.Equal(FailureKind.ConnectionFailed, failure.Kind);
        Assert.Equal(ExitCodes.ConnectionFailed, failure.ExitCode);
        Assert.Contains("administrator command", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_transient_fault_of_a_local_file_is_not_called_a_lost_connection()
    {
        var failure = FailureMessages.Classify(new IOException("The process cannot access the file because it is being used by another process."));
        Assert.Equal(FailureKind.Unexpected, failure.Kind);
    }

    [Fact]
    public void Any_other_database_error_is_a_failure_in_the_databases_words()
    {
        var (code, message) = FailureMessages.Describe(new PostgresException("relation \"x\" does not exist", "ERROR", "ERROR", "42P01"));
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("relation \"x\" does not exist", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_did_not_fit_names_the_column_the_database_named()
    {
        var table = new TableSchema { Name = new QualifiedName("public", "patients"), Columns = [] };
        var copy = new PostgresException("value too long for type character varying(5)", "ERROR", "ERROR", "22001", where: "COPY patients, line 3, column zip: \"123456\"");
        var message = FailureMessages.Classify(new TableLoadException(table, "loading", copy)).Message;
        Assert.StartsWith("loading table public.patients, column zip failed: ", message, StringComparison.Ordinal);
        Assert.Contains("value too long for type character varying(5)", message, StringComparison.Ordinal);

        var mySql = new InvalidOperationException("Data too long for column 'zip' at row 1");
        Assert.Contains("column zip", FailureMessages.Classify(new TableLoadException(table, "loading", mySql)).Message, StringComparison.Ordinal);
    }

    /// <summary>The run summary's outcome follows the same kind, so a scheduler reading it and one reading the exit code agree.</summary>
    [Theory]
    [InlineData(nameof(FailureKind.BadInput), "bad-input")]
    [InlineData(nameof(FailureKind.ConnectionFailed), "connection-failed")]
    [InlineData(nameof(FailureKind.AccessDenied), "connection-failed")]
    [InlineData(nameof(FailureKind.DiskFull), "disk-full")]
    [InlineData(nameof(FailureKind.Refused), "refused")]
    [InlineData(nameof(FailureKind.GateFailed), "gate-failed")]
    [InlineData(nameof(FailureKind.CheckFailed), "check-failed")]
    [InlineData(nameof(FailureKind.Busy), "busy")]
    [InlineData(nameof(FailureKind.Unexpected), "failed")]
    public void A_runs_outcome_names_the_kind_of_failure(string kindName, string outcome) => Assert.Equal(outcome, RunSummary.OutcomeOf(Enum.Parse<FailureKind>(kindName)));
}
