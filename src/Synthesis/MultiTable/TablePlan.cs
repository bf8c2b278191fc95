using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// How one table is generated: copied verbatim (a reference table), or drawn under the parent it belongs
/// to (<see cref="PrimaryParent"/>, null for a root), with codes of reference tables drawn by its own
/// model (<see cref="ReferenceKeys"/>), other parents picked per row (<see cref="SecondaryParents"/>),
/// trees grown inside the table (self-references), and keys that close a cycle filled in a second step.
/// </summary>
public sealed record TablePlan
{
    public required QualifiedName Table { get; init; }

    /// <summary>A reference table: its rows are copied verbatim, keys included.</summary>
    public bool IsReference { get; init; }

    /// <summary>Why the table is (or is not) a reference table.</summary>
    public string ReferenceReason { get; init; } = string.Empty;

    /// <summary>The relationship whose parent rows each get a learned number of these rows; null for a root table.</summary>
    public ForeignKeySchema? PrimaryParent { get; init; }

    /// <summary>Why this parent (or why the table is a root), for <c>introspect</c> and <c>fit</c>.</summary>
    public string PrimaryParentReason { get; init; } = string.Empty;

    /// <summary>Foreign keys to reference tables: their values are a category of the table's own model (every key is a real reference row's).</summary>
    public IReadOnlyList<ForeignKeySchema> ReferenceKeys { get; init; } = [];

    /// <summary>Other foreign keys to earlier tables: each row picks a parent with the source's popularity.</summary>
    public IReadOnlyList<ForeignKeySchema> SecondaryParents { get; init; } = [];

    /// <summary>Foreign keys to the table itself: rows are arranged into trees with the source's fan-out.</summary>
    public IReadOnlyList<ForeignKeySchema> SelfReferences { get; init; } = [];

    /// <summary>Foreign keys that close a cycle: written NULL (or a placeholder) and filled after every table is loaded.</summary>
    public IReadOnlyList<ForeignKeySchema> DeferredParents { get; init; } = [];

    /// <summary>Relationships where this table is the primary parent: its rows learn a child count (and the children's averages) for each.</summary>
    public IReadOnlyList<ForeignKeySchema> Children { get; init; } = [];

    /// <summary>Columns of the primary parent that condition this table's rows (the parent's modelled columns).</summary>
    public IReadOnlyList<string> ParentContextColumns { get; init; } = [];

    /// <summary>Columns of the primary parent's own primary parent that condition this table's rows.</summary>
    public IReadOnlyList<string> GrandparentContextColumns { get; init; } = [];

    /// <summary>Per child relationship (as <see cref="Children"/>), the child's numeric columns whose average per parent this table learns.</summary>
    public IReadOnlyList<IReadOnlyList<string>> ChildAverages { get; init; } = [];

    public bool IsRoot => PrimaryParent is null;

    /// <summary>Foreign key columns filled by the multi-table layer rather than the table's model (reference keys are the model's).</summary>
    public IEnumerable<string> ForeignKeyColumns =>
        new[] { PrimaryParent }.OfType<ForeignKeySchema>().Concat(SecondaryParents).Concat(SelfReferences).Concat(DeferredParents)
            .SelectMany(f => f.Columns).Distinct(StringComparer.Ordinal);
}
