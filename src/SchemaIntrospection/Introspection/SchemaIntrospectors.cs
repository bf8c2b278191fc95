using Sdv.Connector.SchemaIntrospection.Engines.MySql;
using Sdv.Connector.SchemaIntrospection.Engines.PostgreSql;
using Sdv.Connector.SchemaIntrospection.Engines.Sqlite;
using Sdv.Connector.SchemaIntrospection.Engines.SqlServer;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Introspection;

/// <summary>The introspector of each engine. Adding an engine adds one line here and one folder under Engines/.</summary>
public static class SchemaIntrospectors
{
    public static ISchemaIntrospector For(DatabaseEngine engine) => engine switch
    {
        DatabaseEngine.Sqlite => new SqliteSchemaIntrospector(),
        DatabaseEngine.PostgreSql => new PostgreSqlSchemaIntrospector(),
        DatabaseEngine.MySql => new MySqlSchemaIntrospector(),
        DatabaseEngine.SqlServer => new SqlServerSchemaIntrospector(),
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "Unknown engine."),
    };
}
