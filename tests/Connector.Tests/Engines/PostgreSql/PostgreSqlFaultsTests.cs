using Npgsql;
using Sdv.Connector.Engines.PostgreSql;
using Xunit;

namespace Sdv.Connector.Tests.Engines.PostgreSql;

/// <summary>PostgreSQL's faults by SQLSTATE, on exceptions as Npgsql builds them from the server's error fields.</summary>
public sealed class PostgreSqlFaultsTests
{
    private static readonly PostgreSqlFaults Faults = PostgreSqlFaults.Instance;

    private static PostgresException Error(string state, string? column = null, string? where = null) =>
        new("message", "ERROR", "ERROR", state, columnName: column, where: where);

    [Theory]
    [InlineData("40001", true)] // serialization_failure
    [InlineData("40P01", true)] // deadlock_detected
    [InlineData("57P01", true)] // admin_shutdown
    [InlineData("08006", true)] // connection_failure
    [InlineData("28P01", false)] // invalid_password: trying again gives the same answer
    [InlineData("42501", false)]
    [InlineData("53100", false)]
    [InlineData("23505", false)]
    public void Transient_states(string state, bool transient) => Assert.Equal(transient, Faults.IsTransient(Error(state)));

    [Fact]
    public void Disk_full_and_insufficient_privilege_are_told_by_their_states()
    {
        Assert.True(Faults.IsDiskFull(Error("53100")));
        Assert.False(Faults.IsDiskFull(Error("53200"))); // out_of_memory is not a full disk
        Assert.True(Faults.IsAccessDenied(Error("42501")));
        Assert.False(Faults.IsAccessDenied(Error("28P01"))); // a refused login is a connection failure, not a privilege
    }

    [Fact]
    public void A_driver_error_without_a_server_state_is_as_transient_as_npgsql_says()
    {
        Assert.True(Faults.IsTransient(new NpgsqlException("Exception while reading from stream", new IOException("reset"))));
        Assert.False(Faults.IsTransient(new NpgsqlException("The connection is closed.")));
    }

    [Fact]
    public void The_column_comes_from_the_error_field_else_from_copys_context()
    {
        Assert.Equal("zip", Faults.ColumnOf(Error("22001", column: "zip")));
        Assert.Equal("zip", Faults.ColumnOf(Error("22001", where: "COPY patients, line 3, column zip: \"123456\"")));
        Assert.Null(Faults.ColumnOf(Error("22001")));
        Assert.Null(Faults.ColumnOf(new InvalidOperationException("column 'zip'")));
    }
}
