using Sdv.Connector.Engines.MySql;
using Sdv.Connector.Engines.SqlServer;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>The adapter of each engine. Adding an engine adds one line here and one folder beside this file.</summary>
internal static class EngineAdapters
{
    public static IEngineAdapter For(DatabaseEngine engine) => engine switch
    {
        DatabaseEngine.MySql => new MySqlAdapter(),
        DatabaseEngine.SqlServer => new SqlServerAdapter(),
        _ => throw new NotSupportedException($"No engine adapter is registered for {engine}."),
    };
}
