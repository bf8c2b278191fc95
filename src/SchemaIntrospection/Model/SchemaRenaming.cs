namespace Sdv.Connector.SchemaIntrospection.Model;

/// <summary>Renames the schemas of a schema model: the nightly staging areas and the model file's neutral names use it.</summary>
public static class SchemaRenaming
{
    /// <summary>
    /// Renames every schema of a mapped schema with <paramref name="rename"/>: tables, their keys and partitions, views,
    /// user types, sequences. Where the engine binds the SQL of a definition to objects when it is created (PostgreSQL),
    /// <paramref name="sql"/> rewrites the schema names inside it (views, indexes, defaults, generated columns, checks,
    /// domains) and <paramref name="type"/> a type's name; where names in SQL stay text (MariaDB) they are left for the swap.
    /// Every member of the schema model that names a schema or holds SQL is either handled here or listed as not needing
    /// it in the unit test that guards this method (StagingRenameTests), so a new kind of object cannot be missed.
    /// </summary>
    public static DatabaseSchema RenameSchemas(DatabaseSchema schema, Func<string?, string?> rename, Func<string, string>? sql = null, Func<string, string>? type = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(rename);
        sql ??= static s => s;
        type ??= static t => t;
        QualifiedName Map(QualifiedName name) => new(rename(name.Schema), name.Name);
        QualifiedName? MapUserType(QualifiedName? name) => name is null || !schema.UserTypes.Any(u => u.Name.Equals(name)) ? name : Map(name);
        string? Sql(string? text) => text is null ? null : sql(text);
        ColumnSchema Column(ColumnSchema c) => c with
        {
            NativeType = type(c.NativeType),
            UserType = MapUserType(c.UserType),
            DefaultSql = Sql(c.DefaultSql),
            GeneratedSql = Sql(c.GeneratedSql),
        };
        return schema with
        {
            Tables = schema.Tables.Select(t => t with
            {
                Name = Map(t.Name),
                Columns = t.Columns.Select(Column).ToList(),
                ForeignKeys = t.ForeignKeys.Select(fk => fk with { Table = Map(fk.Table), PrincipalTable = Map(fk.PrincipalTable) }).ToList(),
                CheckConstraints = t.CheckConstraints.Select(c => c with { Expression = sql(c.Expression) }).ToList(),
                Indexes = t.Indexes.Select(i => i with { Definition = Sql(i.Definition), Filter = Sql(i.Filter) }).ToList(),
                Partitions = t.Partitions.Select(Map).ToList(),
            }).ToList(),
            Views = schema.Views.Select(v => v with { Name = Map(v.Name), Definition = Sql(v.Definition) }).ToList(),
            UserTypes = schema.UserTypes.Select(u => u with
            {
                Name = Map(u.Name),
                BaseType = u.BaseType is null ? null : type(u.BaseType),
                Checks = u.Checks.Select(sql).ToList(),
                Attributes = Sql(u.Attributes),
            }).ToList(),
            Sequences = schema.Sequences.Select(s => s with { Name = Map(s.Name), OwnedByTable = s.OwnedByTable is { } o ? Map(o) : null }).ToList(),
        };
    }
}
