using Sdv.Connector.SchemaIntrospection.Graph;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// The generation plan of a whole database, parent-first. Each table has at most one primary
/// parent, so the plan is a forest: cost grows linearly with tables and relationships (no
/// columns are multiplied up the hierarchy as in SDV's HMA). Nothing is refused: composite keys,
/// several keys to one parent, self-references, cycles and tables without keys all have a place.
/// </summary>
public sealed record DatabasePlan
{
    /// <summary>Most parent columns a child is conditioned on; more add cost and little fidelity.</summary>
    public const int MaxContextColumns = 8;

    /// <summary>
    /// Table annotation listing (by <see cref="TableEntry.KeyOf"/>, one a line) the nullable foreign keys
    /// that are NULL in every source row: never a primary parent, or the table would get no rows.
    /// </summary>
    public const string EmptyRelationshipsAnnotation = "sdv:empty-foreign-keys";

    public required IReadOnlyList<TablePlan> Tables { get; init; }

    public TablePlan For(QualifiedName table) => Tables.First(t => t.Table.Equals(table));

    public static DatabasePlan Build(DatabaseSchema schema, ForeignKeyGraph graph)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(graph);
        var known = schema.Tables.Select(t => t.Name).ToHashSet();
        var plans = new Dictionary<QualifiedName, TablePlan>();
        foreach (var name in graph.ParentFirstOrder)
        {
            var table = schema.Table(name);
            var keys = table.ForeignKeys.Where(f => known.Contains(f.PrincipalTable)).ToList();
            var self = keys.Where(f => f.IsSelfReference).ToList();
            var deferred = keys.Where(f => !f.IsSelfReference && graph.IsDeferred(f)).ToList();
            var ordinary = keys.Except(self).Except(deferred).ToList();
            // The primary parent: the relationship that most defines the row. A key that is part of
            // the primary key (an order line under its order) first, then a NOT NULL key, then the
            // first by column order; ties broken by name so the choice is always the same.
            var empty = table.Annotations.TryGetValue(EmptyRelationshipsAnnotation, out var listed) ? listed.Split('\n') : [];
            var primary = ordinary
                .Where(f => !empty.Contains(TableEntry.KeyOf(f)))
                .OrderBy(f => table.PrimaryKey?.Columns.Contains(f.Columns[0]) == true ? 0 : 1)
                .ThenBy(f => f.Columns.All(c => !table.Column(c).IsNullable) ? 0 : 1)
                .ThenBy(f => table.Column(f.Columns[0]).Ordinal)
                .ThenBy(f => f.Name ?? string.Empty, StringComparer.Ordinal)
                .FirstOrDefault();
            var context = primary is null ? [] : ContextColumns(schema.Table(primary.PrincipalTable));
            plans[name] = new TablePlan
            {
                Table = name,
                PrimaryParent = primary,
                SecondaryParents = ordinary.Where(f => !ReferenceEquals(f, primary)).ToList(),
                SelfReferences = self,
                DeferredParents = deferred,
                ParentContextColumns = context,
            };
        }
        foreach (var plan in plans.Values.ToList())
        {
            if (plan.PrimaryParent is { } p)
            {
                var parent = plans[p.PrincipalTable];
                plans[p.PrincipalTable] = parent with { Children = [.. parent.Children, p] };
            }
        }
        return new DatabasePlan { Tables = graph.ParentFirstOrder.Select(n => plans[n]).ToList() };
    }

    /// <summary>The parent's modelled columns (numbers, dates, categories, booleans), first ones first, at most <see cref="MaxContextColumns"/>.</summary>
    private static List<string> ContextColumns(TableSchema parent) =>
        parent.Columns
            .Where(c => c.SdType is SdType.Numerical or SdType.Datetime or SdType.Categorical or SdType.Boolean && c.GeneratedSql is null)
            .Take(MaxContextColumns)
            .Select(c => c.Name)
            .ToList();
}
