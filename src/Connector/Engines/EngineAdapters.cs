using Sdv.Connector.Engines.MySql;
using Sdv.Connector.Engines.PostgreSql;
using Sdv.Connector.Engines.Sqlite;
using Sdv.Connector.Engines.SqlServer;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>
/// The adapter of each engine. Adding an engine adds one line here and one folder beside this file in each project (its adapter names its introspector).
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
}
