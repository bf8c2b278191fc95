using Sdv.Connector.Connections;
using Sdv.Connector.Engines;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Nightly.Staging;

/// <summary>The staging area of a target (its engine's, from <see cref="IEngineAdapter.Staging"/>; each engine's in a folder beside this file) and the names staging uses.</summary>
internal static class StagingAreas
{
    public const string StagingSuffix = "__sdv_staging";
    public const string OldSuffix = "__sdv_old";

    public static IStagingArea For(DatabaseEndpoint target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Engine is not { } engine) throw new ArgumentOutOfRangeException(nameof(target), target.Engine, "No staging for this engine.");
        return EngineAdapters.For(engine).Staging(target);
    }

    /// <summary>The schema a <c>&lt;schema&gt;__sdv_staging</c> schema stands for (the suffix removed); any other name as it is.</summary>
    public static string? WithoutStagingSuffix(string? schema) =>
        schema is not null && schema.EndsWith(StagingSuffix, StringComparison.Ordinal) ? schema[..^StagingSuffix.Length] : schema;

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
