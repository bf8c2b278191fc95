using Microsoft.Data.Sqlite;
using Npgsql;
using Sdv.Connector.Engines;
using Sdv.Connector.Failures;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.Tests.Engines;

/// <summary>The engine registry: one adapter per engine, and every engine asked what a failure means.</summary>
public sealed class EngineAdaptersTests
{
    [Fact]
    public void Every_engine_has_an_adapter_of_its_own_with_its_faults()
    {
        foreach (var engine in Enum.GetValues<DatabaseEngine>())
        {
            var adapter = EngineAdapters.For(engine);
            Assert.Equal(engine, adapter.Engine);
            Assert.NotNull(adapter.Faults);
        }
        Assert.Equal(Enum.GetValues<DatabaseEngine>().Length, EngineAdapters.AllFaults.Distinct().Count());
    }

    [Fact]
    public void Only_the_engine_whose_driver_threw_recognises_its_error()
    {
        var postgresFull = new PostgresException("could not extend file", "ERROR", "ERROR", "53100");
        var sqliteFull = new SqliteException("database or disk is full", 13);
        Assert.Single(EngineAdapters.AllFaults, f => f.IsDiskFull(postgresFull));
        Assert.Single(EngineAdapters.AllFaults, f => f.IsDiskFull(sqliteFull));
        // SQLite's result code 13 is not PostgreSQL's, nor is PostgreSQL's 53100 a code of any other engine.
        Assert.Equal(EngineAdapters.For(DatabaseEngine.Sqlite).Faults, EngineAdapters.AllFaults.Single(f => f.IsDiskFull(sqliteFull)));
    }

    [Fact]
    public void A_drivers_error_is_recognised_inside_the_failures_that_wrap_it()
    {
        var denied = new PostgresException("permission denied for table t", "ERROR", "ERROR", "42501");
        var wrapped = new InvalidOperationException("reading t failed", new AggregateException(denied));
        Assert.True(EngineAdapters.AnyEngineSays(wrapped, (faults, e) => faults.IsAccessDenied(e)));
        Assert.False(EngineAdapters.AnyEngineSays(new InvalidOperationException("bug"), (faults, e) => faults.IsAccessDenied(e)));
        Assert.False(DiskFull.Is(wrapped));
    }
}
