using Sdv.Connector.SchemaIntrospection.Engines.MySql;
using Sdv.Connector.SchemaIntrospection.Engines.SqlServer;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Introspection;

/// <summary>The introspector of each engine. Adding an engine adds one line here and one folder under Engines/.</summary>
public static class SchemaIntrospectors
{
    public static ISchemaIntrospector For(DatabaseEngine engine) => engine switch
    {
        DatabaseEngine.MySql => new MySqlSchemaIntrospector(),
        DatabaseEngine.SqlServer => new SqlServerSchemaIntrospector(),
        _ => throw new NotSupportedException($"No introspector is registered for {engine}."),
    };
}
