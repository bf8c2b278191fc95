using Sdv.Connector.Connections;
using Sdv.Connector.Nightly.Staging.MySql;
using Sdv.Connector.Nightly.Staging.PostgreSql;
using Sdv.Connector.Nightly.Staging.Sqlite;
using Sdv.Connector.Nightly.Staging.SqlServer;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Nightly.Staging;

/// <summary>The staging area of each engine; adding an engine adds one line here and a folder beside this file.</summary>
internal static class StagingAreas
{
    public const string StagingSuffix = "__sdv_staging";
    public const string OldSuffix = "__sdv_old";

    public static IStagingArea For(DatabaseEndpoint target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Engine switch
        {
            DatabaseEngine.Sqlite => new SqliteStaging(target),
            DatabaseEngine.PostgreSql => new PostgreSqlStaging(target),
            DatabaseEngine.MySql => new MySqlStaging(target),
            DatabaseEngine.SqlServer => new SqlServerStaging(target),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target.Engine, "No staging for this engine."),
        };
    }

    /// <summary>The schema a <c>&lt;schema&gt;__sdv_staging</c> schema stands for (the suffix removed); any other name as it is.</summary>
    public static string? WithoutStagingSuffix(string? schema) =>
        schema is not null && schema.EndsWith(StagingSuffix, StringComparison.Ordinal) ? schema[..^StagingSuffix.Length] : schema;

    /// <summary>Renames every schema of a mapped schema (tables, keys, views, user types) with <paramref name="rename"/>.</summary>
    public static DatabaseSchema RenameSchemas(DatabaseSchema schema, Func<string?, string?> rename)
    {
        ArgumentNullException.ThrowIfNull(schema);
        QualifiedName Map(QualifiedName name) => new(rename(name.Schema), name.Name);
        QualifiedName? MapUserType(QualifiedName? name) => name is null || !schema.UserTypes.Any(u => u.Name.Equals(name)) ? name : Map(name);
        return schema with
        {
            Tables = schema.Tables.Select(t => t with
            {
                Name = Map(t.Name),
                Columns = t.Columns.Select(c => c.UserType is null ? c : c with { UserType = MapUserType(c.UserType) }).ToList(),
                ForeignKeys = t.ForeignKeys.Select(fk => fk with { Table = Map(fk.Table), PrincipalTable = Map(fk.PrincipalTable) }).ToList(),
                Partitions = t.Partitions.Select(Map).ToList(),
            }).ToList(),
            Views = schema.Views.Select(v => v with { Name = Map(v.Name) }).ToList(),
            UserTypes = schema.UserTypes.Select(u => u with { Name = Map(u.Name) }).ToList(),
            Sequences = schema.Sequences.Select(s => s with { Name = Map(s.Name), OwnedByTable = s.OwnedByTable is { } o ? Map(o) : null }).ToList(),
        };
    }
}
