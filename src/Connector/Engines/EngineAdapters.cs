using Sdv.Connector.Engines.PostgreSql;
using Sdv.Connector.Engines.Sqlite;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>
/// The adapter of each engine. Adding an engine adds one line here and one folder beside this file.
/// Each call gives a new adapter, so the warnings its reader and writers collect belong to one run.
/// </summary>
internal static class EngineAdapters
{
    public static IEngineAdapter For(DatabaseEngine engine) => engine switch
    {
        DatabaseEngine.Sqlite => new SqliteEngineAdapter(),
        DatabaseEngine.PostgreSql => new PostgreSqlEngineAdapter(),
        _ => throw new NotSupportedException($"No engine adapter is registered for {engine}."),
    };
}
