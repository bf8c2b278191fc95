using System.Globalization;
using Sdv.Connector.Engines;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.MultiTable;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// The SQL that the source runs for the multi-table fit, so that joins and counts happen where
/// the data is: a table's rows, each with the number of children it has in every relationship
/// where it is the primary parent (a grouped count joined back), and with its primary parent's
/// context columns (a join on the key). One pass over the table; nothing is held in memory.
/// </summary>
internal static class ContextQuery
{
    /// <summary>Names of the context columns the query appends, in order: child counts, then parent columns.</summary>
    public static IReadOnlyList<string> ContextNames(TablePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return [.. plan.Children.Select((_, i) => DatabaseSampler.ChildCountColumnName(i)), .. plan.ParentContextColumns.Select(DatabaseSampler.ContextColumnName)];
    }

    /// <param name="selectExpression">The reader's select-list expression for a column, given the column and its qualified SQL.</param>
    public static string Build(ISqlDialect d, TableSchema table, TablePlan plan, TableSchema? parent, Func<ColumnSchema, string, string> selectExpression)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(plan);
        var select = table.Columns.Select(c => selectExpression(c, $"t.{d.Quote(c.Name)}")).ToList();
        var joins = new List<string>();
        for (var i = 0; i < plan.Children.Count; i++)
        {
            var fk = plan.Children[i];
            var alias = "c" + i.ToString(CultureInfo.InvariantCulture);
            var childColumns = fk.Columns.Select(c => d.Quote(c)).ToList();
            var notNull = string.Join(" AND ", childColumns.Select(c => $"{c} IS NOT NULL"));
            joins.Add($"LEFT JOIN (SELECT {string.Join(", ", childColumns)}, COUNT(*) AS n FROM {d.Quote(fk.Table)} WHERE {notNull} GROUP BY {string.Join(", ", childColumns)}) {alias} ON "
                + string.Join(" AND ", fk.Columns.Select((c, k) => $"{alias}.{d.Quote(c)} = t.{d.Quote(fk.PrincipalColumns[k])}")));
            select.Add($"COALESCE({alias}.n, 0)");
        }
        if (plan.PrimaryParent is { } primary && parent is not null && plan.ParentContextColumns.Count > 0)
        {
            joins.Add($"LEFT JOIN {d.Quote(primary.PrincipalTable)} p ON "
                + string.Join(" AND ", primary.Columns.Select((c, k) => $"p.{d.Quote(primary.PrincipalColumns[k])} = t.{d.Quote(c)}")));
            select.AddRange(plan.ParentContextColumns.Select(c => selectExpression(parent.Column(c), $"p.{d.Quote(c)}")));
        }
        return $"SELECT {string.Join(", ", select)} FROM {QueryRowStream.From(d, table)} t {string.Join(" ", joins)}{OrderBy(d, table, "t.")}";
    }

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
    /// Children per parent of one relationship as a histogram (count → parents), computed by the
    /// source: parents without children count 0; child rows with a NULL key are counted apart.
    /// Columns: n, parents. A last row with n = -1 carries the number of NULL-keyed children.
    /// </summary>
    public static string CountHistogram(ISqlDialect d, ForeignKeySchema fk)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(fk);
        var childColumns = fk.Columns.Select(c => d.Quote(c)).ToList();
        var notNull = string.Join(" AND ", childColumns.Select(c => $"{c} IS NOT NULL"));
        var anyNull = string.Join(" OR ", childColumns.Select(c => $"{c} IS NULL"));
        var on = string.Join(" AND ", fk.Columns.Select((c, k) => $"x.{d.Quote(c)} = p.{d.Quote(fk.PrincipalColumns[k])}"));
        return $"SELECT COALESCE(x.n, 0) AS n, COUNT(*) AS parents FROM {d.Quote(fk.PrincipalTable)} p "
            + $"LEFT JOIN (SELECT {string.Join(", ", childColumns)}, COUNT(*) AS n FROM {d.Quote(fk.Table)} WHERE {notNull} GROUP BY {string.Join(", ", childColumns)}) x ON {on} "
            + $"GROUP BY COALESCE(x.n, 0) "
            + $"UNION ALL SELECT -1, COUNT(*) FROM {d.Quote(fk.Table)} WHERE {anyNull}";
    }
}
