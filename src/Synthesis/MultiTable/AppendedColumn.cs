using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// A column the multi-table fit appends to a table's rows, computed by the source with the rows: what
/// the table's children look like per row (how many, their averages: learned and drawn with the row's own
/// columns) or what the row's parent looks like (its columns, its number of children, their averages, its
/// own parent's columns: given when sampling, from the synthetic parent). Named by relationship, as SDV
/// names its extension columns.
/// </summary>
/// <param name="Name">The column's name in the table's model.</param>
/// <param name="Kind">What the source computes.</param>
/// <param name="Relationship">The foreign key involved: the child's key for child aggregates, the table's key to its parent otherwise.</param>
/// <param name="Column">The column aggregated or read: a child column (averages), a parent or grandparent column; null for counts.</param>
/// <param name="ParentModelColumn">For given columns: the parent model's column whose statistics encode it (and whose drawn value the synthetic parent supplies).</param>
public sealed record AppendedColumn(string Name, AppendedKind Kind, ForeignKeySchema Relationship, string? Column, string? ParentModelColumn)
{
    /// <summary>True for columns given when sampling (the parent's side), false for ones drawn with the row (its children's side).</summary>
    public bool IsGiven => Kind is AppendedKind.ParentColumn or AppendedKind.SiblingCount or AppendedKind.SiblingAverage or AppendedKind.GrandparentColumn;

    private const string ParentPrefix = "__parent__";
    private const string GrandparentPrefix = "__grandparent__";

    /// <summary>
    /// True for the name of a parent's or grandparent's column read beside a child's rows (<c>__parent__x</c>): what
    /// reading it finds (zero dates read as NULL) is reported once, for the table it belongs to.
    /// </summary>
    public static bool IsParentCopy(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.StartsWith(ParentPrefix, StringComparison.Ordinal) || name.StartsWith(GrandparentPrefix, StringComparison.Ordinal);
    }

    /// <summary>The name of the child-count column a parent has for relationship <paramref name="fk"/>: <c>__{child}__{key}__num_rows</c>.</summary>
    public static string ChildCountName(ForeignKeySchema fk)
    {
        ArgumentNullException.ThrowIfNull(fk);
        return $"__{fk.Table.Name}__{string.Join("_", fk.Columns)}__num_rows";
    }

    /// <summary>The name of a parent's column holding the average of its children's <paramref name="column"/>.</summary>
    public static string ChildAverageName(ForeignKeySchema fk, string column)
    {
        ArgumentNullException.ThrowIfNull(fk);
        return $"__{fk.Table.Name}__{string.Join("_", fk.Columns)}__avg__{column}";
    }

    /// <summary>The columns a table's model is fitted with after its own, in the order the source appends them.</summary>
    public static IReadOnlyList<AppendedColumn> For(TablePlan plan, DatabasePlan database)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(database);
        var columns = new List<AppendedColumn>();
        for (var i = 0; i < plan.Children.Count; i++)
        {
            var child = plan.Children[i];
            columns.Add(new AppendedColumn(ChildCountName(child), AppendedKind.ChildCount, child, null, null));
            columns.AddRange(plan.ChildAverages[i].Select(c => new AppendedColumn(ChildAverageName(child, c), AppendedKind.ChildAverage, child, c, null)));
        }

        if (plan.PrimaryParent is { } parent)
        {
            columns.AddRange(plan.ParentContextColumns.Select(c => new AppendedColumn(ParentPrefix + c, AppendedKind.ParentColumn, parent, c, c)));
            columns.Add(new AppendedColumn(ParentPrefix + "num_rows", AppendedKind.SiblingCount, parent, null, ChildCountName(parent)));
            var parentPlan = database.For(parent.PrincipalTable);
            var averages = parentPlan.ChildAverages[IndexOf(parentPlan.Children, parent)];
            columns.AddRange(averages.Select(c => new AppendedColumn(ParentPrefix + "avg__" + c, AppendedKind.SiblingAverage, parent, c, ChildAverageName(parent, c))));
            if (parentPlan.PrimaryParent is { } grandparent)
            {
                columns.AddRange(plan.GrandparentContextColumns.Select(c => new AppendedColumn(GrandparentPrefix + c, AppendedKind.GrandparentColumn, grandparent, c, ParentPrefix + c)));
            }
        }

        return columns;
    }

    private static int IndexOf(IReadOnlyList<ForeignKeySchema> keys, ForeignKeySchema fk)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (ReferenceEquals(keys[i], fk) || keys[i].Equals(fk)) return i;
        }

        throw new ArgumentException($"{fk} is not among the relationships of {fk.PrincipalTable}.", nameof(fk));
    }
}
