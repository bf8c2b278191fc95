using System.Globalization;
using System.Text;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>
/// The one way a table or column name the target cannot hold is changed: a name another one already takes there (a
/// table of another schema; a name that differs only in case where the target ignores case), one with characters the
/// target's names cannot hold (an emoji on MariaDB) or one longer than its limit. The first name in ordinal order keeps
/// its name; a name that must change takes, in order, the source schema as a prefix (for a table of another schema),
/// the characters it cannot hold spelled as code points (<c>note🔥</c> is <c>note_U1F525</c>), a cut to the limit, and
/// a number (<c>order_2</c>) until it is free; each change is a warning. Names every table keeps are claimed before any
/// changed one is chosen, so a table or column is never renamed onto a name the source itself uses.
/// </summary>
internal static class TargetNames
{
    /// <summary>The source's name of a column renamed on the target (for the SQL that names it by its model name).</summary>
    public const string SourceNameAnnotation = "sdv:source-name";

    /// <summary>The target name of each table, keyed by its source name; <paramref name="wanted"/> is its name unchanged on the target.</summary>
    public static Dictionary<QualifiedName, QualifiedName> Tables(IReadOnlyList<TableSchema> tables, Func<TableSchema, QualifiedName> wanted,
        ISqlDialect dialect, DatabaseEngine engine, ICollection<string> warnings)
    {
        var ordered = tables.OrderBy(static t => t.Name, QualifiedName.Order).ToList();
        var renames = new Dictionary<QualifiedName, QualifiedName>();
        var taken = new Dictionary<(string?, string), QualifiedName>(new SchemaAndName(dialect.TableNames));
        var pending = new List<TableSchema>();
        foreach (var table in ordered)
        {
            var name = wanted(table);
            if (Unfit(name.Name, dialect) is null && taken.TryAdd((name.Schema, name.Name), table.Name)) renames[table.Name] = name;
            else pending.Add(table);
        }
        foreach (var table in pending)
        {
            var name = wanted(table);
            var holder = taken.GetValueOrDefault((name.Schema, name.Name));
            string reason;
            var first = name.Name;
            if (Unfit(name.Name, dialect) is { } why)
            {
                reason = why;
            }
            else if (holder is not null && !string.Equals(holder.Schema, table.Name.Schema, StringComparison.Ordinal) && table.Name.Schema is not null)
            {
                reason = "another schema has a table of the same name";
                first = $"{table.Name.Schema}_{name.Name}";
            }
            else
            {
                reason = $"{engine} takes it for {holder}, whose name differs only in case";
            }
            var free = Free(first, dialect, n => taken.ContainsKey((name.Schema, n)));
            var mapped = new QualifiedName(name.Schema, free);
            taken[(name.Schema, free)] = table.Name;
            renames[table.Name] = mapped;
            warnings.Add($"Table {table.Name} is written as {mapped}: {reason}.");
        }
        return renames;
    }

    /// <summary>
    /// The tables with every column name the target cannot hold changed, and every place that names it (keys, indexes,
    /// foreign keys here and in the children, CHECKs, generated columns) following; a renamed column keeps its source
    /// name in <see cref="SourceNameAnnotation"/>.
    /// </summary>
    public static List<TableSchema> Columns(List<TableSchema> tables, ISqlDialect dialect, DatabaseEngine engine, ICollection<string> warnings)
    {
        var renames = new Dictionary<QualifiedName, Dictionary<string, string>>();
        foreach (var table in tables)
        {
            var taken = new HashSet<string>(dialect.ColumnNames);
            var pending = new List<ColumnSchema>();
            foreach (var column in table.Columns)
            {
                if (Unfit(column.Name, dialect) is null && taken.Add(column.Name)) continue;
                pending.Add(column);
            }
            if (pending.Count == 0) continue;
            var map = renames[table.Name] = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var column in pending)
            {
                var reason = Unfit(column.Name, dialect) ?? $"{engine} takes it for another column of the table whose name differs only in case";
                var free = Free(column.Name, dialect, taken.Contains);
                taken.Add(free);
                map[column.Name] = free;
                warnings.Add($"Column {table.Name}.{column.Name} is written as {free}: {reason}.");
            }
        }
        if (renames.Count == 0) return tables;

        string Column(QualifiedName table, string name) => renames.TryGetValue(table, out var map) && map.TryGetValue(name, out var renamed) ? renamed : name;
        List<string> Columns(QualifiedName table, IEnumerable<string> names) => [.. names.Select(n => Column(table, n))];
        return tables.Select(table =>
        {
            var own = renames.GetValueOrDefault(table.Name);
            var renamesParents = table.ForeignKeys.Any(fk => renames.ContainsKey(fk.PrincipalTable));
            if (own is null && !renamesParents) return table;
            string? Sql(string? sql) => sql is null || own is null ? sql : own.Aggregate(sql, (text, r) => text.Replace(dialect.Quote(r.Key), dialect.Quote(r.Value), StringComparison.Ordinal));
            var n = table.Name;
            return table with
            {
                Columns = [.. table.Columns.Select(c => own is not null && own.TryGetValue(c.Name, out var renamed)
                    ? c with { Name = renamed, GeneratedSql = Sql(c.GeneratedSql), Annotations = new Dictionary<string, string>(c.Annotations) { [SourceNameAnnotation] = c.Name } }
                    : c with { GeneratedSql = Sql(c.GeneratedSql) })],
                PrimaryKey = table.PrimaryKey is { } pk ? pk with { Columns = Columns(n, pk.Columns) } : null,
                UniqueKeys = [.. table.UniqueKeys.Select(k => k with { Columns = Columns(n, k.Columns) })],
                Indexes = [.. table.Indexes.Select(i => i with { Columns = Columns(n, i.Columns), Filter = Sql(i.Filter), Definition = Sql(i.Definition) })],
                ForeignKeys = [.. table.ForeignKeys.Select(fk => fk with { Columns = Columns(n, fk.Columns), PrincipalColumns = Columns(fk.PrincipalTable, fk.PrincipalColumns) })],
                CheckConstraints = [.. table.CheckConstraints.Select(c => c with { Expression = Sql(c.Expression)! })],
            };
        }).ToList();
    }

    /// <summary>The target's name of the column the model calls <paramref name="sourceName"/>.</summary>
    public static string ColumnOf(TableSchema target, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Columns.FirstOrDefault(c => c.Annotations.TryGetValue(SourceNameAnnotation, out var s) && string.Equals(s, sourceName, StringComparison.Ordinal))?.Name ?? sourceName;
    }

    /// <summary>
    /// Whether the target can hold <paramref name="name"/> as it is: what the schema writers ask of a constraint's or an
    /// index's name, which they leave to the server to choose where it cannot.
    /// </summary>
    public static bool Fits(string name, ISqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(dialect);
        return Unfit(name, dialect) is null;
    }

    /// <summary>
    /// <paramref name="name"/> where the target can hold it and <paramref name="taken"/> lacks it, else the name derived
    /// from it as a table's or column's is (code points spelled, cut, numbered); added to <paramref name="taken"/>. For
    /// names the SQL must give (MySQL's CREATE INDEX has no unnamed form).
    /// </summary>
    public static string Fitted(string name, ISqlDialect dialect, ISet<string> taken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(taken);
        var fitted = Free(name, dialect, taken.Contains);
        taken.Add(fitted);
        return fitted;
    }

    /// <summary>Why the target cannot hold <paramref name="name"/>, or null where it can.</summary>
    private static string? Unfit(string name, ISqlDialect dialect)
    {
        if (!dialect.NamesHoldOutsideBmp && name.Any(char.IsSurrogate)) return "its name holds a character outside the Basic Multilingual Plane, which the target's names cannot hold";
        return name.Length > dialect.MaxNameLength ? $"its name is longer than the target's {dialect.MaxNameLength} characters" : null;
    }

    /// <summary><paramref name="wanted"/> made one the target can hold, numbered until <paramref name="isTaken"/> says it is free.</summary>
    private static string Free(string wanted, ISqlDialect dialect, Func<string, bool> isTaken)
    {
        var name = wanted;
        if (!dialect.NamesHoldOutsideBmp && name.Any(char.IsSurrogate))
        {
            var spelled = new StringBuilder();
            foreach (var rune in name.EnumerateRunes())
            {
                if (rune.IsBmp) spelled.Append(rune.ToString());
                else spelled.Append("_U").Append(rune.Value.ToString("X", CultureInfo.InvariantCulture));
            }
            name = spelled.ToString();
        }
        for (var n = 1; ; n++)
        {
            var suffix = n == 1 ? "" : "_" + n.ToString(CultureInfo.InvariantCulture);
            var stem = name.Length + suffix.Length > dialect.MaxNameLength ? name[..(dialect.MaxNameLength - suffix.Length)] : name;
            // A cut must not split a surrogate pair.
            if (stem.Length > 0 && char.IsHighSurrogate(stem[^1])) stem = stem[..^1];
            var candidate = stem + suffix;
            if (!isTaken(candidate)) return candidate;
        }
    }

    /// <summary>A schema (ordinal) and a name (by the target's rule) as one key.</summary>
    private sealed class SchemaAndName(StringComparer names) : IEqualityComparer<(string?, string)>
    {
        public bool Equals((string?, string) x, (string?, string) y) => string.Equals(x.Item1, y.Item1, StringComparison.Ordinal) && names.Equals(x.Item2, y.Item2);

        public int GetHashCode((string?, string) obj) => HashCode.Combine(obj.Item1 is null ? 0 : StringComparer.Ordinal.GetHashCode(obj.Item1), names.GetHashCode(obj.Item2));
    }
}
