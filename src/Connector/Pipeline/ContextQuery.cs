using System.Globalization;
using Sdv.Connector.Engines;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.MultiTable;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// The SQL that the source runs for the multi-table fit, so that joins, counts and averages happen where
/// the data are: a table's rows, each with, per relationship where it is the primary parent, its number
/// of children and their averages (a grouped subquery joined back), and with its primary parent's
/// columns, its parent's number of children and their averages, and its grandparent's columns (joins on
/// the keys). One pass over the table; nothing is held in memory.
/// </summary>
internal static class ContextQuery
{
    /// <summary>The read columns of the query: the table's own, then one per appended column (numbers for counts and averages, the parent's column otherwise).</summary>
    public static List<ColumnSchema> Columns(DatabaseSchema schema, TableSchema table, IReadOnlyList<AppendedColumn> appended)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(appended);
        var columns = table.Columns.ToList();
        foreach (var a in appended)
        {
            var source = a.Kind switch
            {
                AppendedKind.ParentColumn => schema.Table(a.Relationship.PrincipalTable).Column(a.Column!),
                AppendedKind.GrandparentColumn => schema.Table(a.Relationship.PrincipalTable).Column(a.Column!),
                _ => null,
            };
            columns.Add(source is not null
                ? source with { Name = a.Name, Ordinal = columns.Count + 1 }
                : new ColumnSchema { Name = a.Name, Ordinal = columns.Count + 1, NativeType = "double precision", LogicalType = LogicalType.Float64, IsNullable = true });
        }

        return columns;
    }

    /// <param name="selectExpression">The reader's select-list expression for a column, given the column and its qualified SQL.</param>
    public static string Build(ISqlDialect d, DatabaseSchema schema, TableSchema table, IReadOnlyList<AppendedColumn> appended, Func<ColumnSchema, string, string> selectExpression)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(appended);
        var select = table.Columns.Select(c => selectExpression(c, $"t.{d.Quote(c.Name)}")).ToList();
        var joins = new List<string>();
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);

        // Children of this table, one grouped subquery per relationship: COUNT and the averages.
        foreach (var group in appended.Where(a => a.Kind is AppendedKind.ChildCount or AppendedKind.ChildAverage).GroupBy(a => TableEntry.KeyOf(a.Relationship) + "@" + a.Relationship.Table))
        {
            var fk = group.First().Relationship;
            var alias = "c" + aliases.Count.ToString(CultureInfo.InvariantCulture);
            aliases[group.Key] = alias;
            joins.Add($"LEFT JOIN ({Aggregate(d, schema, fk, group.Where(a => a.Kind == AppendedKind.ChildAverage).Select(a => a.Column!).ToList(), selectExpression)}) {alias} ON "
                + string.Join(" AND ", fk.Columns.Select((c, k) => $"{alias}.{d.Quote("k" + k.ToString(CultureInfo.InvariantCulture))} = t.{d.Quote(fk.PrincipalColumns[k])}")));
        }

        // The parent, the parent's children (this table) grouped, and the grandparent.
        var parentFk = appended.FirstOrDefault(a => a.Kind is AppendedKind.ParentColumn or AppendedKind.SiblingCount or AppendedKind.SiblingAverage)?.Relationship;
        var grandparentFk = appended.FirstOrDefault(a => a.Kind == AppendedKind.GrandparentColumn)?.Relationship;
        if (parentFk is not null)
        {
            joins.Add($"LEFT JOIN {d.Quote(parentFk.PrincipalTable)} p ON "
                + string.Join(" AND ", parentFk.Columns.Select((c, k) => $"p.{d.Quote(parentFk.PrincipalColumns[k])} = t.{d.Quote(c)}")));
            var averages = appended.Where(a => a.Kind == AppendedKind.SiblingAverage).Select(a => a.Column!).ToList();
            joins.Add($"LEFT JOIN ({Aggregate(d, schema, parentFk, averages, selectExpression)}) s ON "
                + string.Join(" AND ", parentFk.Columns.Select((c, k) => $"s.{d.Quote("k" + k.ToString(CultureInfo.InvariantCulture))} = t.{d.Quote(c)}")));
        }

        if (grandparentFk is not null)
        {
            joins.Add($"LEFT JOIN {d.Quote(grandparentFk.PrincipalTable)} g ON "
                + string.Join(" AND ", grandparentFk.Columns.Select((c, k) => $"g.{d.Quote(grandparentFk.PrincipalColumns[k])} = p.{d.Quote(c)}")));
        }

        var parentTable = parentFk is null ? null : schema.Table(parentFk.PrincipalTable);
        var grandparentTable = grandparentFk is null ? null : schema.Table(grandparentFk.PrincipalTable);
        foreach (var a in appended)
        {
            select.Add(a.Kind switch
            {
                AppendedKind.ChildCount => $"COALESCE({aliases[TableEntry.KeyOf(a.Relationship) + "@" + a.Relationship.Table]}.{d.Quote("n")}, 0)",
                AppendedKind.ChildAverage => $"{aliases[TableEntry.KeyOf(a.Relationship) + "@" + a.Relationship.Table]}.{d.Quote(AverageAlias(a.Column!))}",
                AppendedKind.ParentColumn => selectExpression(parentTable!.Column(a.Column!), $"p.{d.Quote(a.Column!)}"),
                AppendedKind.SiblingCount => $"s.{d.Quote("n")}",
                AppendedKind.SiblingAverage => $"s.{d.Quote(AverageAlias(a.Column!))}",
                AppendedKind.GrandparentColumn => selectExpression(grandparentTable!.Column(a.Column!), $"g.{d.Quote(a.Column!)}"),
                _ => throw new ArgumentOutOfRangeException(nameof(appended), a.Kind, "Unknown appended column kind."),
            });
        }

        return $"SELECT {string.Join(", ", select)} FROM {QueryRowStream.From(d, table)} t {string.Join(" ", joins)}{OrderBy(d, table, "t.")}";
    }

    /// <summary>Children grouped by their key: the key columns as k0, k1, ..., their number as n, and the averages of <paramref name="averaged"/> columns.</summary>
    private static string Aggregate(ISqlDialect d, DatabaseSchema schema, ForeignKeySchema fk, IReadOnlyList<string> averaged, Func<ColumnSchema, string, string> selectExpression)
    {
        var child = schema.Table(fk.Table);
        var keys = fk.Columns.Select((c, k) => $"{d.Quote(c)} AS {d.Quote("k" + k.ToString(CultureInfo.InvariantCulture))}");
        var notNull = Present(d, fk, string.Empty);
        // Averages of floating point (integer averages would be truncated on some engines), over the value as the reader
        // selects it: PostgreSQL has no AVG of money or of an interval, but of the number each is read as.
        var averages = averaged.Select(c => $"{d.FloatingAverage(selectExpression(child.Column(c), d.Quote(c)))} AS {d.Quote(AverageAlias(c))}");
        return $"SELECT {string.Join(", ", keys.Append($"COUNT(*) AS {d.Quote("n")}").Concat(averages))} FROM {d.Quote(fk.Table)} WHERE {notNull} GROUP BY {string.Join(", ", fk.Columns.Select(c => d.Quote(c)))}";
    }

    private static string AverageAlias(string column) => "a_" + column;

    /// <summary>The dialect's child-first join where the parent's side of the key is a declared key (indexed), else a plain JOIN.</summary>
    private static string ParentJoin(ISqlDialect d, DatabaseSchema schema, ForeignKeySchema fk) =>
        schema.FindTable(fk.PrincipalTable)?.HasDeclaredKey(fk.PrincipalColumns) == true ? d.LookupJoin : "JOIN";

    /// <summary>
    /// ORDER BY the table's primary key (or first unique key): the fit's reservoir and sketches see
    /// rows in the order they arrive, so a fixed order is what makes the same source and seed give
    /// the same model on engines that may return rows in any order (parallel or synchronised scans).
    /// The key's index makes it cheap; a table without a key is read in the engine's order.
    /// </summary>
    public static string OrderBy(ISqlDialect d, TableSchema table, string prefix)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(table);
        var key = table.PrimaryKey?.Columns ?? (table.UniqueKeys.Count > 0 ? table.UniqueKeys[0].Columns : null);
        return key is null ? string.Empty : " ORDER BY " + string.Join(", ", key.Select(c => prefix + d.Quote(c)));
    }

    /// <summary>
    /// Over the child rows joined to their parent, per pair (child column, parent column): the child's
    /// non-null values (nN) and how many equal the parent's (eN).
    /// </summary>
    public static string EqualityCounts(ISqlDialect d, DatabaseSchema schema, ForeignKeySchema fk, IReadOnlyList<(string Child, string Parent)> pairs)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(fk);
        ArgumentNullException.ThrowIfNull(pairs);
        var on = string.Join(" AND ", fk.Columns.Select((c, k) => $"p.{d.Quote(fk.PrincipalColumns[k])} = t.{d.Quote(c)}"));
        var sums = pairs.SelectMany((pair, i) => new[]
        {
            $"SUM(CASE WHEN t.{d.Quote(pair.Child)} IS NOT NULL THEN 1 ELSE 0 END) AS {d.Quote("n" + i.ToString(CultureInfo.InvariantCulture))}",
            $"SUM(CASE WHEN t.{d.Quote(pair.Child)} = p.{d.Quote(pair.Parent)} THEN 1 ELSE 0 END) AS {d.Quote("e" + i.ToString(CultureInfo.InvariantCulture))}",
        });
        return $"SELECT {string.Join(", ", sums)} FROM {d.Quote(fk.Table)} t {ParentJoin(d, schema, fk)} {d.Quote(fk.PrincipalTable)} p ON {on}";
    }

    /// <summary>
    /// Over the child rows joined to their parent where <paramref name="childColumn"/> and the parent's
    /// <paramref name="parentColumn"/> are both non-null (and, with <paramref name="unequalOnly"/>, differ): each distinct pair
    /// of values (c, p, each as the reader selects it) and its rows (n).
    /// </summary>
    public static string ValuePairCounts(ISqlDialect d, DatabaseSchema schema, ForeignKeySchema fk, string childColumn, string parentColumn,
        Func<ColumnSchema, string, string> selectExpression, bool unequalOnly)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(fk);
        ArgumentNullException.ThrowIfNull(selectExpression);
        var on = string.Join(" AND ", fk.Columns.Select((c, k) => $"p.{d.Quote(fk.PrincipalColumns[k])} = t.{d.Quote(c)}"));
        var (child, parent) = ($"t.{d.Quote(childColumn)}", $"p.{d.Quote(parentColumn)}");
        var c = selectExpression(schema.Table(fk.Table).Column(childColumn), child);
        var p = selectExpression(schema.Table(fk.PrincipalTable).Column(parentColumn), parent);
        return $"SELECT {c} AS {d.Quote("c")}, {p} AS {d.Quote("p")}, COUNT(*) AS {d.Quote("n")} FROM {d.Quote(fk.Table)} t {ParentJoin(d, schema, fk)} {d.Quote(fk.PrincipalTable)} p ON {on} "
            + $"WHERE {(unequalOnly ? $"{child} <> {parent}" : $"{child} IS NOT NULL AND {parent} IS NOT NULL")} GROUP BY {c}, {p}";
    }

    /// <summary>
    /// SQL that holds where the child row of <paramref name="fk"/> has no parent by its key: a column NULL, or the key's
    /// "no parent" value (<see cref="ForeignKeySchema.NoParentValue"/>: 0 or '', which applications write for NULL).
    /// </summary>
    private static string Absent(ISqlDialect d, ForeignKeySchema fk, string prefix) =>
        string.Join(" OR ", fk.Columns.Select(c => $"{prefix}{d.Quote(c)} IS NULL")
            .Concat(fk.NoParentValue is { } none && fk.Columns.Count == 1 ? [Compared(d, $"{prefix}{d.Quote(fk.Columns[0])}", "=", none)] : []));

    /// <summary>SQL that holds where the child row of <paramref name="fk"/> names a parent (the negation of <see cref="Absent"/>).</summary>
    private static string Present(ISqlDialect d, ForeignKeySchema fk, string prefix) =>
        string.Join(" AND ", fk.Columns.Select(c => $"{prefix}{d.Quote(c)} IS NOT NULL")
            .Concat(fk.NoParentValue is { } none && fk.Columns.Count == 1 ? [Compared(d, $"{prefix}{d.Quote(fk.Columns[0])}", "<>", none)] : []));

    /// <summary>
    /// The column compared with a "no parent" value: a whole number as itself; else as plain text with a quoted string
    /// ('' as inferred), since a literal compared with a PostgreSQL domain is cast to it, and its CHECK may refuse ''.
    /// </summary>
    private static string Compared(ISqlDialect d, string column, string op, string value) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? $"{column} {op} {number.ToString(CultureInfo.InvariantCulture)}"
            : $"{d.ExactText(column)} {op} '{value.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>
    /// Children per parent of one relationship as a histogram (count → parents), computed by the
    /// source: parents without children count 0; child rows with a NULL key are counted apart.
    /// Columns: n, parents, and for a self-reference a third, root: 1 for the parents that are roots themselves (their
    /// own key NULL, or pointing at themselves), 0 for the others. A last row with n = -1 carries the number of
    /// NULL-keyed children.
    /// </summary>
    public static string CountHistogram(ISqlDialect d, ForeignKeySchema fk)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(fk);
        var childColumns = fk.Columns.Select(c => d.Quote(c)).ToList();
        var notNull = Present(d, fk, string.Empty);
        var anyNull = Absent(d, fk, string.Empty);
        var on = string.Join(" AND ", fk.Columns.Select((c, k) => $"x.{d.Quote(c)} = p.{d.Quote(fk.PrincipalColumns[k])}"));
        var self = fk.Table == fk.PrincipalTable;
        var root = self
            ? "CASE WHEN " + Absent(d, fk, "p.")
                + " OR (" + string.Join(" AND ", fk.Columns.Select((c, k) => $"p.{d.Quote(c)} = p.{d.Quote(fk.PrincipalColumns[k])}")) + ") THEN 1 ELSE 0 END"
            : null;
        return $"SELECT COALESCE(x.n, 0) AS n, COUNT(*) AS parents{(self ? $", {root} AS root" : string.Empty)} FROM {d.Quote(fk.PrincipalTable)} p "
            + $"LEFT JOIN (SELECT {string.Join(", ", childColumns)}, COUNT(*) AS n FROM {d.Quote(fk.Table)} WHERE {notNull} GROUP BY {string.Join(", ", childColumns)}) x ON {on} "
            + $"GROUP BY COALESCE(x.n, 0){(self ? $", {root}" : string.Empty)} "
            + $"UNION ALL SELECT -1, COUNT(*){(self ? ", 0" : string.Empty)} FROM {d.Quote(fk.Table)} WHERE {anyNull}";
    }
}
