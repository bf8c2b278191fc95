using System.Globalization;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>
/// Maps a source schema onto a target engine's names before it is written: the same engine keeps
/// its schemas (MySQL: the target database replaces the source database); another engine puts
/// every table in the target's default schema. Tables remember their source engine in
/// <see cref="SourceEngineAnnotation"/> so type mappers know where a native type came from.
/// Across engines, default expressions that are not plain literals and CHECK expressions are
/// dropped (each with a warning): their SQL is the source engine's.
/// </summary>
internal static class SchemaMapper
{
    public const string SourceEngineAnnotation = "sdv:source-engine";

    public static DatabaseEngine SourceEngineOf(TableSchema table) =>
        table.Annotations.TryGetValue(SourceEngineAnnotation, out var engine) ? Enum.Parse<DatabaseEngine>(engine) : DatabaseEngine.Sqlite;

    public static DatabaseSchema ToTarget(DatabaseSchema source, DatabaseEngine targetEngine, string? targetDefaultSchema, ICollection<string> warnings)
    {
        var sameEngine = source.Engine == targetEngine;
        var renames = new Dictionary<QualifiedName, QualifiedName>();
        var taken = new HashSet<QualifiedName>();
        foreach (var table in source.Tables.OrderBy(t => t.Name, QualifiedName.Order))
        {
            QualifiedName mapped;
            if (sameEngine && targetEngine is DatabaseEngine.PostgreSql or DatabaseEngine.SqlServer)
            {
                mapped = table.Name;
            }
            else
            {
                mapped = new QualifiedName(targetDefaultSchema, table.Name.Name);
                if (!taken.Add(mapped))
                {
                    mapped = new QualifiedName(targetDefaultSchema, $"{table.Name.Schema}_{table.Name.Name}");
                    taken.Add(mapped);
                    warnings.Add($"Table {table.Name} is written as {mapped}: another schema has a table of the same name.");
                }
            }
            renames[table.Name] = mapped;
        }

        QualifiedName Map(QualifiedName name) => renames.TryGetValue(name, out var m) ? m : name;

        var tables = source.Tables.Select(table =>
        {
            var annotations = new Dictionary<string, string>(table.Annotations) { [SourceEngineAnnotation] = source.Engine.ToString() };
            var columns = table.Columns;
            var checks = table.CheckConstraints;
            if (!sameEngine)
            {
                columns = columns.Select(c => c with { DefaultSql = PortableDefault(c, table, warnings), UserType = null }).ToList();
                foreach (var check in checks)
                {
                    warnings.Add($"CHECK {check.Name ?? check.Expression} on {table.Name} is not recreated on {targetEngine}: its SQL is {source.Engine}'s (the synthetic rows still satisfy it).");
                }
                checks = [];
            }
            return table with
            {
                Name = Map(table.Name),
                Columns = columns,
                CheckConstraints = checks,
                ForeignKeys = table.ForeignKeys.Where(fk => fk.IsEnforced).Select(fk => fk with { Table = Map(fk.Table), PrincipalTable = Map(fk.PrincipalTable) }).ToList(),
                Partitions = sameEngine ? table.Partitions : [],
                Annotations = annotations,
            };
        }).ToList();

        return source with
        {
            Engine = targetEngine,
            Tables = tables,
            Views = sameEngine ? source.Views.Select(v => v with { Name = Map(v.Name) }).ToList() : [],
            UserTypes = sameEngine ? source.UserTypes : [],
            Sequences = sameEngine ? source.Sequences : [],
        };
    }

    /// <summary>Keeps a default only where it is a plain number or string literal that any engine reads alike.</summary>
    private static string? PortableDefault(ColumnSchema column, TableSchema table, ICollection<string> warnings)
    {
        var sql = column.DefaultSql?.Trim();
        if (string.IsNullOrEmpty(sql) || column.Identity != IdentityKind.None) return null;
        while (sql.Length > 1 && sql[0] == '(' && sql[^1] == ')') sql = sql[1..^1].Trim();
        var literal = sql.Split("::", 2)[0].Trim();
        if (double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return literal;
        if (literal.Length >= 2 && literal[0] == '\'' && literal[^1] == '\'' && !literal[1..^1].Replace("''", "", StringComparison.Ordinal).Contains('\'', StringComparison.Ordinal))
            return literal;
        if (literal.Equals("NULL", StringComparison.OrdinalIgnoreCase)) return null;
        warnings.Add($"Default {column.DefaultSql} of {table.Name}.{column.Name} is not carried to another engine.");
        return null;
    }
}
