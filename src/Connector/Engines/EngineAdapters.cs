using Sdv.Connector.Connections;
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
/// Adding an engine adds a value to <see cref="DatabaseEngine"/>, one line here (its URL schemes, error codes and the rest
/// come from its adapter), and a folder named after it beside
/// the other engines' in each concern: SchemaIntrospection/Engines, Connector/Engines (the adapter),
/// Connector/Connections and Connector/Nightly/Staging.
/// Each call gives a new adapter, so the warnings its reader and writers collect belong to one run.
/// </summary>
internal static class EngineAdapters
{
    /// <summary>Every engine, in the order messages list them: the servers, then the file.</summary>
    private static readonly (DatabaseEngine Engine, Func<IEngineAdapter> Create)[] Registered =
    [
        (DatabaseEngine.PostgreSql, () => new PostgreSqlEngineAdapter()),
        (DatabaseEngine.MySql, () => new MySqlAdapter()),
        (DatabaseEngine.SqlServer, () => new SqlServerAdapter()),
        (DatabaseEngine.Sqlite, () => new SqliteEngineAdapter()),
    ];

    public static IEngineAdapter For(DatabaseEngine engine) =>
        Array.Find(Registered, r => r.Engine == engine).Create?.Invoke() ?? throw new ArgumentOutOfRangeException(nameof(engine), engine, "Unknown engine.");

    /// <summary>Every engine's URL schemes, in the order messages list them.</summary>
    public static readonly IReadOnlyList<EndpointScheme> Schemes = [.. Registered.SelectMany(r => r.Create().Schemes)];

    /// <summary>Every engine's reading of its driver's exceptions, for a failure that no longer says which engine it came from.</summary>
    public static readonly IReadOnlyList<IEngineFaults> AllFaults = [.. Registered.Select(r => r.Create().Faults)];

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
