using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// The schema as a model file keeps it: everything a clone needs (tables, keys, constraints, views,
/// routines), nothing that names or locates the source. The database's name and the server's version
/// are dropped, and a MySQL database's own name is taken out of the SQL it prefixed (`shop`.`orders`
/// becomes `orders`, which a target resolves in its own database).
/// </summary>
public static class ModelSchema
{
    public static DatabaseSchema Of(DatabaseSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var database = schema.DatabaseName;
        string? Unqualified(string? sql) =>
            sql is null || string.IsNullOrEmpty(database) ? sql
            : sql.Replace("`" + database.Replace("`", "``", StringComparison.Ordinal) + "`.", string.Empty, StringComparison.Ordinal);
        return schema with
        {
            DatabaseName = null,
            ServerVersion = null,
            Views = schema.Views.Select(v => v with { Definition = Unqualified(v.Definition) }).ToList(),
            Routines = schema.Routines.Select(r => r with { Definition = Unqualified(r.Definition)! }).ToList(),
            Triggers = schema.Triggers.Select(t => t with { Definition = Unqualified(t.Definition)! }).ToList(),
        };
    }
}
