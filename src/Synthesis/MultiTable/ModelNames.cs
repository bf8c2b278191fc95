using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// A model file names and locates no source. The server's version is dropped, and so is the database's name (a SQLite
/// file's path, a server database's name). On MySQL the database's name is also every table's schema and the prefix of
/// the SQL of views, defaults, routines and triggers (<c>`shop`.`orders`</c>): there it is replaced by
/// <see cref="NeutralDatabase"/> when the model is written, which the writers point at the clone's database as they did
/// the source's, and by the live source's name again where a saved model is compared with its source (the nightly drift check).
/// </summary>
public static class ModelNames
{
    /// <summary>The database a MySQL model file names in place of its source's.</summary>
    public const string NeutralDatabase = "source_database";

    /// <summary>The model as its file keeps it: no server version, no database name (on MySQL, the neutral one).</summary>
    public static DatabaseModel Neutral(DatabaseModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var schema = model.Schema;
        if (schema.Engine == DatabaseEngine.MySql && !string.IsNullOrEmpty(schema.DatabaseName))
            return Renamed(model, schema.DatabaseName, NeutralDatabase, serverVersion: null);
        return new DatabaseModel(schema with { ServerVersion = null, DatabaseName = null }, model.Tables, model.Warnings);
    }

    /// <summary>A loaded MySQL model with the neutral name made <paramref name="database"/> again, to compare it with that source.</summary>
    public static DatabaseModel Located(DatabaseModel model, string? database)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Schema.Engine != DatabaseEngine.MySql || model.Schema.DatabaseName != NeutralDatabase || string.IsNullOrEmpty(database)) return model;
        return Renamed(model, NeutralDatabase, database, model.Schema.ServerVersion);
    }

    private static DatabaseModel Renamed(DatabaseModel model, string from, string to, string? serverVersion)
    {
        string? Schema(string? s) => s == from ? to : s;
        QualifiedName Name(QualifiedName n) => new(Schema(n.Schema), n.Name);
        var quotedFrom = Quote(from) + ".";
        var quotedTo = Quote(to) + ".";
        string Sql(string text) => text.Replace(quotedFrom, quotedTo, StringComparison.Ordinal);

        var renamed = SchemaRenaming.RenameSchemas(model.Schema, Schema, Sql);
        renamed = renamed with
        {
            DatabaseName = to,
            ServerVersion = serverVersion,
            Routines = renamed.Routines.Select(r => r with { Name = Name(r.Name), Definition = Sql(r.Definition) }).ToList(),
            Triggers = renamed.Triggers.Select(t => t with { Table = Name(t.Table), Definition = Sql(t.Definition) }).ToList(),
        };

        // Keys of counts and equalities name the parent table (TableEntry.KeyOf): each is mapped through the foreign key it names.
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (before, after) in model.Schema.Tables.Zip(renamed.Tables))
            foreach (var (fk, renamedFk) in before.ForeignKeys.Zip(after.ForeignKeys))
                keys[TableEntry.KeyOf(fk)] = TableEntry.KeyOf(renamedFk);
        string Key(string key) => keys.TryGetValue(key, out var k) ? k : key;

        // A table model's own copy of its name is written from its entry's (DatabaseModelFile.Save).
        var tables = model.Tables.Select(e => e with
        {
            Table = Name(e.Table),
            Counts = e.Counts.ToDictionary(p => Key(p.Key), p => p.Value, StringComparer.Ordinal),
            Equalities = e.Equalities.Select(q => q with { ForeignKey = Key(q.ForeignKey) }).ToList(),
        }).ToList();
        return new DatabaseModel(renamed, tables, model.Warnings);
    }

    private static string Quote(string name) => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
}
