using Sdv.Connector.Engines.MySql;
using Sdv.Connector.Engines.PostgreSql;
using Sdv.Connector.Engines.Sqlite;
using Sdv.Connector.Engines.SqlServer;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>
/// The one registry of engines: everything the pipeline does differently by engine comes from the engine's
/// <see cref="IEngineAdapter"/> (connections, read-only open, quoting and dialect, profile sampling, introspector,
/// reader, schema writer, bulk writer and its tuning, type mapping, staging, server connection strings).
/// Adding an engine adds a value to <see cref="DatabaseEngine"/>, one line here, and a folder named after it beside
/// the other engines' in each concern: SchemaIntrospection/Engines, Connector/Engines (the adapter),
/// Connector/Connections and Connector/Nightly/Staging.
/// Each call gives a new adapter, so the warnings its reader and writers collect belong to one run.
/// </summary>
internal static class EngineAdapters
{
    public static IEngineAdapter For(DatabaseEngine engine) => engine switch
    {
        DatabaseEngine.Sqlite => new SqliteEngineAdapter(),
        DatabaseEngine.PostgreSql => new PostgreSqlEngineAdapter(),
        DatabaseEngine.MySql => new MySqlAdapter(),
        DatabaseEngine.SqlServer => new SqlServerAdapter(),
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "Unknown engine."),
    };

    /// <summary>Every engine's reading of its driver's exceptions, for a failure that no longer says which engine it came from.</summary>
    public static readonly IReadOnlyList<IEngineFaults> AllFaults = [.. Enum.GetValues<DatabaseEngine>().Select(e => For(e).Faults)];

    /// <summary>
    /// Whether some engine says <paramref name="says"/> of <paramref name="exception"/> or of an exception inside it
    /// (a driver's error is often wrapped: a load's table, a retry, a connection that could not open).
    /// </summary>
    public static bool AnyEngineSays(Exception exception, Func<IEngineFaults, Exception, bool> says)
    {
        ArgumentNullException.ThrowIfNull(says);
        for (var e = exception; e is not null; e = e.InnerException)
        {
            foreach (var faults in AllFaults)
            {
                if (says(faults, e)) return true;
            }
        }
        return false;
    }

    /// <summary>The column some engine's error inside <paramref name="exception"/> names in a field of its own, or null.</summary>
    public static string? ColumnNamedIn(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            foreach (var faults in AllFaults)
            {
                if (faults.ColumnOf(e) is { } column) return column;
            }
        }
        return null;
    }
}
