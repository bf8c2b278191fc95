using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Constraints;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Engines;

/// <summary>
/// Maps a source schema onto a target engine's names before it is written: the same engine keeps
/// its schemas (MySQL: the target database replaces the source database); another engine puts
/// every table in the target's default schema. Tables remember their source engine in
/// <see cref="SourceEngineAnnotation"/> so type mappers know where a native type came from.
/// Across engines, defaults are translated where they mean the same everywhere (now(), CURRENT_DATE,
/// true/false, literals: <see cref="PortableDefaults"/>) and CHECKs where they are of the common forms
/// (<see cref="PortableChecks"/>); other defaults and checks are dropped (each with a warning).
/// </summary>
internal static class SchemaMapper
{
    public const string SourceEngineAnnotation = "sdv:source-engine";

    public static DatabaseEngine SourceEngineOf(TableSchema table) =>
        table.Annotations.TryGetValue(SourceEngineAnnotation, out var engine) ? Enum.Parse<DatabaseEngine>(engine) : DatabaseEngine.Sqlite;

    public static DatabaseSchema ToTarget(DatabaseSchema source, DatabaseEngine targetEngine, string? targetDefaultSchema, ICollection<string> warnings)
    {
        var sameEngine = source.Engine == targetEngine;
        var target = EngineAdapters.For(targetEngine);
        // The same engine with schemas keeps every name; elsewhere every table goes to the target's default schema, under a
        // name the target can hold and tell apart from the others' (TargetNames).
        var renames = sameEngine && target.HasSchemas
            ? source.Tables.ToDictionary(static t => t.Name, static t => t.Name)
            : TargetNames.Tables(source.Tables, t => new QualifiedName(targetDefaultSchema, t.Name.Name), target.Dialect, targetEngine, warnings);

        QualifiedName Map(QualifiedName name) => renames.TryGetValue(name, out var m) ? m : name;

        var toOtherEngine = sameEngine ? null : EngineAdapters.For(source.Engine).ToOtherEngine(source);
        var tables = source.Tables.Select(table =>
        {
            var annotations = new Dictionary<string, string>(table.Annotations) { [SourceEngineAnnotation] = source.Engine.ToString() };
            var columns = table.Columns;
            var checks = table.CheckConstraints;
            if (!sameEngine)
            {
                var dialect = target.Dialect;
                columns = columns.Select(c => SequenceKeyAsIdentity(c, table)).Select(c => c with { DefaultSql = PortableDefault(c, table, warnings), UserType = null }).ToList();
                // What the source engine's columns need on another engine (MySQL: unsigned integers hold their whole range).
                if (toOtherEngine is not null) columns = columns.Select(c => toOtherEngine(table, c)).ToList();
                // Generated columns of plain arithmetic are generated on the target too.
                columns = columns.Select(c => c.GeneratedSql is { } generated && PortableExpressions.Translate(generated, table, dialect) is { } translated
                    ? c with { GeneratedSql = translated, Annotations = new Dictionary<string, string>(c.Annotations) { [PortableExpressions.TranslatedAnnotation] = "true" } }
                    : c).ToList();
                checks = PortableChecks.ToTarget(table with { CheckConstraints = [.. table.CheckConstraints, .. DomainChecks.Of(table, source)] }, source.Engine, targetEngine, warnings);
                // Partitions and inheritance are structure of the source engine only: the rows stay, their layout does not.
                if (table.Partitions.Count > 0 || table.Annotations.ContainsKey("mysql.partitioned"))
                {
                    warnings.Add($"Table {table.Name} is partitioned on {source.Engine}; it is written as one plain table on {targetEngine}, with all its rows.");
                }
                if (table.Annotations.TryGetValue("postgresql:inherits", out var parents))
                {
                    warnings.Add($"Table {table.Name} inherits from {parents} on {source.Engine}; it is written as a table of its own on {targetEngine}, with its inherited columns.");
                }
                foreach (var exclusion in table.Annotations.Keys.Where(k => k.StartsWith("postgresql:exclusion:", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                {
                    warnings.Add($"Exclusion constraint {exclusion["postgresql:exclusion:".Length..]} on {table.Name} is not created on {targetEngine}, which has none.");
                }
            }
            return table with
            {
                Name = Map(table.Name),
                Columns = columns,
                CheckConstraints = checks,
                Indexes = sameEngine ? table.Indexes : PortableIndexes.ToTarget(table, targetEngine, warnings),
                ForeignKeys = table.ForeignKeys.Where(fk => fk.IsEnforced
                    && ((sameEngine && targetEngine != DatabaseEngine.Sqlite && fk.Inference is null) || OntoAKey(fk, source, targetEngine, warnings))
                    && (!sameEngine || fk.Inference is null || targetEngine != DatabaseEngine.MySql || OfOneType(fk, source, targetEngine, warnings))).Select(fk => InKeyOrder(fk, source) with { Table = Map(fk.Table), PrincipalTable = Map(fk.PrincipalTable) }).ToList(),
                Partitions = sameEngine ? table.Partitions : [],
                Annotations = annotations,
            };
        }).ToList();

        if (!sameEngine) tables = TargetNames.Columns(WithKeyTypesOfTheirParents(tables), target.Dialect, targetEngine, warnings);

        if (!sameEngine && (source.Routines.Count > 0 || source.Triggers.Count > 0))
        {
            warnings.Add($"{source.Routines.Count} routine(s) and {source.Triggers.Count} trigger(s) are not created on {targetEngine}: their code is {source.Engine}'s.");
        }
        if (!sameEngine && source.Views.Count > 0)
        {
            warnings.Add($"{source.Views.Count} view(s) are not created on {targetEngine}: their SQL is {source.Engine}'s ({string.Join(", ", source.Views.Take(5).Select(v => v.Name.Name))}{(source.Views.Count > 5 ? ", ..." : "")}).");
        }
        return source with
        {
            Engine = targetEngine,
            Tables = tables,
            Views = sameEngine ? source.Views.Select(v => v with { Name = Map(v.Name) }).ToList() : [],
            UserTypes = sameEngine ? source.UserTypes : [],
            Sequences = sameEngine ? source.Sequences : [],
            Extensions = sameEngine ? source.Extensions : [],
            Routines = sameEngine ? source.Routines : [],
            Triggers = sameEngine ? source.Triggers.Select(t => t with { Table = Map(t.Table) }).ToList() : [],
        };
    }

    /// <summary>
    /// True where a foreign key points at its parent's primary key or at a unique key or index, as every engine but MySQL
    /// requires. MySQL and MariaDB take a foreign key onto any indexed columns, duplicates and all; PostgreSQL refused such
    /// a key when the clone was written ("there is no unique constraint matching given keys") and SQLite refused every
    /// insert into the child ("foreign key mismatch"). Such a key is left out on the target with a warning; the relationship
    /// is still modelled, so its values still come from the parent's. SQLite checks none of this when the key is declared,
    /// so a SQLite source can hold such a key too (a SQLite target is checked as well); MySQL and MariaDB need an index that
    /// starts with the parent columns, which a source of another engine may not have ("Missing index for constraint").
    /// </summary>
    private static bool OntoAKey(ForeignKeySchema fk, DatabaseSchema source, DatabaseEngine targetEngine, ICollection<string> warnings)
    {
        if (source.FindTable(fk.PrincipalTable) is not { } parent) return true;
        var columns = fk.PrincipalColumns.ToHashSet(StringComparer.Ordinal);
        IEnumerable<IReadOnlyList<string>> keys = parent.PrimaryKey is { } pk ? [pk.Columns, .. parent.UniqueKeys.Select(k => k.Columns)] : [.. parent.UniqueKeys.Select(k => k.Columns)];
        var mysql = targetEngine == DatabaseEngine.MySql;
        // MySQL and MariaDB take any index that starts with the parent columns; the others a key of exactly them.
        var fits = mysql
            ? keys.Concat(parent.Indexes.Select(i => i.Columns)).Any(key => key.Count >= columns.Count && key.Take(columns.Count).All(columns.Contains))
            : keys.Concat(parent.Indexes.Where(i => i.IsUnique && i.Filter is null).Select(i => i.Columns)).Any(key => key.Count == columns.Count && key.All(columns.Contains));
        if (fits) return true;
        var why = mysql
            ? $"neither a key nor indexed, and {targetEngine} needs an index on them"
            : $"not a primary or unique key, which {source.Engine} allows and {targetEngine} does not";
        warnings.Add($"Foreign key {fk.Table}({string.Join(", ", fk.Columns)}) -> {fk.PrincipalTable}({string.Join(", ", fk.PrincipalColumns)}) is not created on {targetEngine}: "
            + $"its parent columns are {why}. Its values still come from {fk.PrincipalTable}.");
        return false;
    }

    /// <summary>
    /// An inferred foreign key on a same-engine clone joins columns whose declared types the source never had to match:
    /// MariaDB refused one between SMALLINT UNSIGNED and SMALLINT (Sakila's film_text), as it does any key between integers
    /// of another size or sign (PostgreSQL and SQLite take them). A same-engine clone keeps the source's column types, so such a key is left out with a
    /// warning; its values still come from the parent. (Another engine's clone gives the child its parent's key type.)
    /// </summary>
    private static bool OfOneType(ForeignKeySchema fk, DatabaseSchema source, DatabaseEngine targetEngine, ICollection<string> warnings)
    {
        if (source.FindTable(fk.Table) is not { } child || source.FindTable(fk.PrincipalTable) is not { } parent) return true;
        for (var k = 0; k < fk.Columns.Count; k++)
        {
            var (column, key) = (child.FindColumn(fk.Columns[k]), parent.FindColumn(fk.PrincipalColumns[k]));
            if (column is null || key is null || DeclaredType(column) == DeclaredType(key)) continue;
            warnings.Add($"Inferred foreign key {fk} is not created on {targetEngine}: {fk.Table}.{column.Name} is {column.NativeType} "
                + $"and {fk.PrincipalTable}.{key.Name} is {key.NativeType}. Its values still come from {fk.PrincipalTable}.");
            return false;
        }
        return true;
    }

    /// <summary>A declared type without its display width or ZEROFILL (MySQL's INT(11) and INT are one type), in lower case.</summary>
    private static string DeclaredType(ColumnSchema column) =>
        System.Text.RegularExpressions.Regex.Replace(column.NativeType.ToLowerInvariant().Replace("zerofill", "", StringComparison.Ordinal), @"\(\d+\)|\s+", "");

    /// <summary>
    /// A composite foreign key whose parent columns are those of a key of its parent, listed in another order
    /// (<c>FOREIGN KEY (c, r) REFERENCES parent (code, region)</c> onto <c>UNIQUE (region, code)</c>), pairs its columns
    /// in the key's order: PostgreSQL takes either order, but MariaDB refused the key ("Foreign key constraint is
    /// incorrectly formed"), as it looks for an index that starts with the columns in the order given. The pairs are the
    /// same, so the relationship is unchanged.
    /// </summary>
    private static ForeignKeySchema InKeyOrder(ForeignKeySchema fk, DatabaseSchema source)
    {
        if (fk.PrincipalColumns.Count < 2 || source.FindTable(fk.PrincipalTable) is not { } parent) return fk;
        IEnumerable<IReadOnlyList<string>> keys =
        [
            .. parent.PrimaryKey is { } pk ? [pk.Columns] : Array.Empty<IReadOnlyList<string>>(),
            .. parent.UniqueKeys.Select(static k => k.Columns),
            .. parent.Indexes.Where(static i => i.IsUnique && i.Filter is null).Select(static i => i.Columns),
        ];
        var matching = keys.Where(k => k.Count == fk.PrincipalColumns.Count && k.All(fk.PrincipalColumns.Contains)).ToList();
        if (matching.Count == 0 || matching.Any(k => k.SequenceEqual(fk.PrincipalColumns, StringComparer.Ordinal))) return fk;
        var key = matching[0];
        var childOf = fk.PrincipalColumns.Select((p, i) => (p, i)).ToDictionary(static x => x.p, x => fk.Columns[x.i], StringComparer.Ordinal);
        return fk with { PrincipalColumns = [.. key], Columns = [.. key.Select(k => childOf[k])] };
    }

    /// <summary>
    /// A foreign key column of another integer size than the key it references takes that key's type: SQLite stores every
    /// INT and INTEGER alike, so its schemas mix them freely (<c>person INT REFERENCES people</c> with <c>id INTEGER</c>),
    /// and MariaDB refuses a foreign key between INT and BIGINT ("Foreign key constraint is incorrectly formed").
    /// </summary>
    private static List<TableSchema> WithKeyTypesOfTheirParents(List<TableSchema> tables)
    {
        var byName = tables.ToDictionary(t => t.Name);
        return tables.Select(table =>
        {
            var retyped = new Dictionary<string, ColumnSchema>(StringComparer.Ordinal);
            foreach (var fk in table.ForeignKeys)
            {
                if (!byName.TryGetValue(fk.PrincipalTable, out var parent)) continue;
                for (var k = 0; k < fk.Columns.Count; k++)
                {
                    var child = table.FindColumn(fk.Columns[k]);
                    var key = parent.FindColumn(fk.PrincipalColumns[k]);
                    if (child is null || key is null || child.LogicalType == key.LogicalType) continue;
                    if (ValueKinds.Of(child.LogicalType) != ValueKind.Integer || ValueKinds.Of(key.LogicalType) != ValueKind.Integer) continue;
                    retyped[child.Name] = child with { LogicalType = key.LogicalType, NativeType = key.NativeType, Identity = child.Identity };
                }
            }
            return retyped.Count == 0 ? table : table with { Columns = table.Columns.Select(c => retyped.GetValueOrDefault(c.Name, c)).ToList() };
        }).ToList();
    }

    /// <summary>
    /// A one-column integer key numbered by a sequence's nextval default (MariaDB's CREATE SEQUENCE, a hand-made PostgreSQL
    /// sequence) is numbered on another engine the way that engine numbers keys (identity, AUTO_INCREMENT, rowid): before,
    /// its default was dropped as the source's own SQL and a plain INSERT into the clone failed for want of a key.
    /// </summary>
    private static ColumnSchema SequenceKeyAsIdentity(ColumnSchema column, TableSchema table) =>
        column is { Identity: IdentityKind.None, GeneratedSql: null, DefaultSql: { } sql }
        && sql.Contains("nextval(", StringComparison.OrdinalIgnoreCase)
        && table.PrimaryKey is { Columns.Count: 1 } pk && pk.Columns[0] == column.Name
        && column.LogicalType is LogicalType.Int8 or LogicalType.Int16 or LogicalType.Int32 or LogicalType.Int64
            ? column with { Identity = IdentityKind.Serial, DefaultSql = null }
            : column;

    /// <summary>A default other engines share (see <see cref="PortableDefaults"/>), with a warning where one is dropped.</summary>
    private static string? PortableDefault(ColumnSchema column, TableSchema table, ICollection<string> warnings)
    {
        var neutral = PortableDefaults.Neutral(column, out var lost);
        if (lost) warnings.Add($"Default {column.DefaultSql} of {table.Name}.{column.Name} is not carried to another engine: it is the source engine's own SQL.");
        return neutral;
    }
}
