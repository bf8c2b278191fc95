using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// How one table is generated: under which parent its rows are born (<see cref="PrimaryParent"/>,
/// null for a root), which other foreign keys are filled by learned popularity, which tree
/// (self-reference) keys are grown inside the table, and which keys close a cycle and are filled
/// in a second step.
/// </summary>
public sealed record TablePlan
{
    public required QualifiedName Table { get; init; }

    /// <summary>The relationship whose parent rows each get a learned number of these rows; null for a root table.</summary>
    public ForeignKeySchema? PrimaryParent { get; init; }

    /// <summary>Other foreign keys to earlier tables: each row picks a parent with the source's popularity.</summary>
    public IReadOnlyList<ForeignKeySchema> SecondaryParents { get; init; } = [];

    /// <summary>Foreign keys to the table itself: rows are arranged into trees with the source's fan-out.</summary>
    public IReadOnlyList<ForeignKeySchema> SelfReferences { get; init; } = [];

    /// <summary>Foreign keys that close a cycle: written NULL (or a placeholder) and filled after every table is loaded.</summary>
    public IReadOnlyList<ForeignKeySchema> DeferredParents { get; init; } = [];

    /// <summary>Relationships where this table is the primary parent: its rows learn a child count for each.</summary>
    public IReadOnlyList<ForeignKeySchema> Children { get; init; } = [];

    /// <summary>Columns of the primary parent that condition this table's rows (the parent's own modelled columns).</summary>
    public IReadOnlyList<string> ParentContextColumns { get; init; } = [];

    public bool IsRoot => PrimaryParent is null;

    /// <summary>Every foreign key column of the table, filled by the multi-table layer rather than the table's model.</summary>
    public IEnumerable<string> ForeignKeyColumns =>
        new[] { PrimaryParent }.OfType<ForeignKeySchema>().Concat(SecondaryParents).Concat(SelfReferences).Concat(DeferredParents)
            .SelectMany(f => f.Columns).Distinct(StringComparer.Ordinal);
}
