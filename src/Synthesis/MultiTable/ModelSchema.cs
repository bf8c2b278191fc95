using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// The schema as a model file keeps it: everything a clone needs (tables, keys, constraints, views,
/// routines). The server's version is dropped, and so is the database's name (a SQLite file's path,
/// a server database's name) except on MySQL, where it is the schema of every table and the prefix of
/// the SQL of views, defaults and routines, and the writers need it to point that SQL at the clone's
/// database instead of the source's.
/// </summary>
public static class ModelSchema
{
    public static DatabaseSchema Of(DatabaseSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return schema with { ServerVersion = null, DatabaseName = schema.Engine == DatabaseEngine.MySql ? schema.DatabaseName : null };
    }
}
