using System.Globalization;
using Sdv.Connector.Engines;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Pipeline.Evaluation;

/// <summary>
/// The SQL the evaluation asks a database to run, so the work happens where the data is: counts, value counts per
/// column (grouped and sorted by the database), projections, inner joins, children per parent, foreign key matches
/// and repeated keys. Identifiers go through the engine's quoting; text is compared byte by byte
/// (<see cref="ISqlDialect.ExactText"/>) so categories and keys are told apart as SDMetrics tells them; every value
/// is read through the engine's select-list expression, so cells arrive as the fit reads them.
/// </summary>
internal sealed class EvaluationSql(ISqlDialect dialect, Func<ColumnSchema, string, string> select)
{
    /// <summary>The column schema a count is read with.</summary>
    public static readonly ColumnSchema Count = new() { Name = "n", Ordinal = 1, NativeType = "bigint", LogicalType = LogicalType.Int64, IsNullable = false };

    /// <summary>Stands for a column a side lacks: read as NULL.</summary>
    public static readonly ColumnSchema Absent = new() { Name = "absent", Ordinal = 1, NativeType = "text", LogicalType = LogicalType.String, IsNullable = true };

    /// <summary>COUNT(*), then COUNT(column) for each column.</summary>
    public string Counts(TableSchema table, IReadOnlyList<ColumnSchema> columns) =>
        $"SELECT COUNT(*){string.Concat(columns.Select(c => $", COUNT({dialect.Quote(c.Name)})"))} FROM {dialect.Quote(table.Name)}";

    /// <summary>Each distinct value of the column (and NULL) with its rows, in ascending order (text by code point).</summary>
    public string Values(TableSchema table, ColumnSchema column)
    {
        var q = dialect.Quote(column.Name);
        if (IsText(column))
        {
            var exact = dialect.ExactText(q);
            return $"SELECT MIN({select(column, q)}), COUNT(*) FROM {dialect.Quote(table.Name)} GROUP BY {exact} ORDER BY {exact}";
        }

        return $"SELECT {select(column, q)}, COUNT(*) FROM {dialect.Quote(table.Name)} GROUP BY {q} ORDER BY {q}";
    }

    /// <summary>Every row projected on the columns (null: a column this side lacks, read as NULL).</summary>
    public string Rows(TableSchema table, IReadOnlyList<ColumnSchema?> columns) =>
        $"SELECT {List(columns.Select(c => c is null ? "NULL" : select(c, dialect.Quote(c.Name))))} FROM {dialect.Quote(table.Name)}";

    /// <summary>The inner join child → parent on the relationship: the parent columns, then the child columns.</summary>
    public string Join(JoinSpec join, IReadOnlyList<ColumnSchema?> parentColumns, IReadOnlyList<ColumnSchema?> childColumns) =>
        $"SELECT {List(parentColumns.Select(c => Cell(c, "p")).Concat(childColumns.Select(c => Cell(c, "c"))))} {From(join)}";

    /// <summary>
    /// MIN and MAX of every column over the same join (parent, then child columns; NULL for a column that is not continuous);
    /// when only one side's columns are asked, over that side's rows that have a match (EXISTS), which give the same.
    /// </summary>
    public string JoinRange(JoinSpec join, IReadOnlyList<ColumnSchema?> parentColumns, IReadOnlyList<ColumnSchema?> childColumns)
    {
        var columns = parentColumns.Select(c => (Column: c, Alias: "p")).Concat(childColumns.Select(c => (Column: c, Alias: "c"))).ToList();
        var mins = columns.Select(x => x.Column is null ? "NULL" : $"MIN({Cell(x.Column, x.Alias)})");
        var maxs = columns.Select(x => x.Column is null ? "NULL" : $"MAX({Cell(x.Column, x.Alias)})");

        // A row repeated by the join changes no MIN or MAX: one side's columns need only its rows that have a match.
        var from = childColumns.All(c => c is null) ? $"FROM {dialect.Quote(join.Parent.Name)} p WHERE EXISTS (SELECT 1 FROM {dialect.Quote(join.Child.Name)} c WHERE {On(join)})"
            : parentColumns.All(c => c is null) ? $"FROM {dialect.Quote(join.Child.Name)} c WHERE EXISTS (SELECT 1 FROM {dialect.Quote(join.Parent.Name)} p WHERE {On(join)})"
            : From(join);
        return $"SELECT {List(mins.Concat(maxs))} {from}";
    }

    /// <summary>
    /// Children per parent row as a histogram: (number of children, parent rows with that many); childless parents
    /// at 0, children with a NULL key and orphans left out.
    /// </summary>
    public string ChildCounts(JoinSpec join)
    {
        var keys = join.ChildColumns.Select((c, i) => $"{Exact(c, dialect.Quote(c.Name))} AS k{i.ToString(CultureInfo.InvariantCulture)}").ToList();
        var groups = join.ChildColumns.Select(c => Exact(c, dialect.Quote(c.Name)));
        var notNull = string.Join(" AND ", join.ChildColumns.Select(c => $"{dialect.Quote(c.Name)} IS NOT NULL"));
        var on = string.Join(" AND ", join.ParentColumns.Select((c, i) => $"x.k{i.ToString(CultureInfo.InvariantCulture)} = {Exact(c, "p." + dialect.Quote(c.Name))}"));
        return $"SELECT COALESCE(x.n, 0), COUNT(*) FROM {dialect.Quote(join.Parent.Name)} p "
            + $"LEFT JOIN (SELECT {string.Join(", ", keys)}, COUNT(*) AS n FROM {dialect.Quote(join.Child.Name)} WHERE {notNull} GROUP BY {string.Join(", ", groups)}) x ON {on} "
            + "GROUP BY COALESCE(x.n, 0)";
    }

    /// <summary>The child table's rows and those with a NULL in the foreign key.</summary>
    public string ForeignKeyRows(JoinSpec join) =>
        $"SELECT COUNT(*), COUNT(CASE WHEN {string.Join(" OR ", join.ChildColumns.Select(c => $"{dialect.Quote(c.Name)} IS NULL"))} THEN 1 END) FROM {dialect.Quote(join.Child.Name)}";

    /// <summary>The child rows whose complete foreign key matches a parent row.</summary>
    public string ForeignKeyMatched(JoinSpec join) =>
        $"SELECT COUNT(*) FROM {dialect.Quote(join.Child.Name)} c WHERE EXISTS (SELECT 1 FROM {dialect.Quote(join.Parent.Name)} p WHERE {On(join)})";

    /// <summary>Rows whose key is all NULL or repeats another row's (NULLs equal NULLs): the rows minus the distinct keys that are not all NULL.</summary>
    public string RepeatedKeys(TableSchema table, IReadOnlyList<ColumnSchema> key)
    {
        var exact = key.Select(c => Exact(c, dialect.Quote(c.Name))).ToList();
        var anyValue = string.Join(" OR ", key.Select(c => $"{dialect.Quote(c.Name)} IS NOT NULL"));
        var t = dialect.Quote(table.Name);
        return $"SELECT (SELECT COUNT(*) FROM {t}) - (SELECT COUNT(*) FROM (SELECT {string.Join(", ", exact.Select((e, i) => $"{e} AS k{i.ToString(CultureInfo.InvariantCulture)}"))} FROM {t} WHERE {anyValue} GROUP BY {string.Join(", ", exact)}) d)";
    }

    /// <summary>Whether cells of the column are text (grouped and compared byte by byte).</summary>
    public static bool IsText(ColumnSchema column) => CanonicalValues.ClrType(column.LogicalType) == typeof(string);

    /// <summary>
    /// A select list; a table of key columns only (a link table) asks for none, and SQL has no empty select list,
    /// so it selects a constant the reader, which reads only the columns it was given, passes over.
    /// </summary>
    private static string List(IEnumerable<string> expressions) => string.Join(", ", expressions) is { Length: > 0 } list ? list : "1";

    private string Cell(ColumnSchema? column, string alias) => column is null ? "NULL" : select(column, $"{alias}.{dialect.Quote(column.Name)}");

    /// <summary>The child joined to its parent: child first where the parent's columns are a declared (indexed) key.</summary>
    private string From(JoinSpec join) =>
        $"FROM {dialect.Quote(join.Child.Name)} c {(join.Parent.HasDeclaredKey(join.ParentColumns.Select(c => c.Name).ToList()) ? dialect.LookupJoin : "JOIN")} {dialect.Quote(join.Parent.Name)} p ON {On(join)}";

    private string On(JoinSpec join) =>
        string.Join(" AND ", join.ChildColumns.Select((c, i) =>
            $"{Exact(c, "c." + dialect.Quote(c.Name))} = {Exact(join.ParentColumns[i], "p." + dialect.Quote(join.ParentColumns[i].Name))}"));

    private string Exact(ColumnSchema column, string sql) => IsText(column) ? dialect.ExactText(sql) : sql;
}
