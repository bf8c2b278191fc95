using System.Text.Json.Serialization;

namespace Sdv.Connector.SchemaIntrospection.Model;

/// <summary>A foreign key: two parallel ordered column lists, child side and parent side.</summary>
public sealed record ForeignKeySchema
{
    public string? Name { get; init; }

    public required QualifiedName Table { get; init; }

    public required IReadOnlyList<string> Columns { get; init; }

    public required QualifiedName PrincipalTable { get; init; }

    public required IReadOnlyList<string> PrincipalColumns { get; init; }

    public ReferentialAction OnDelete { get; init; }

    public ReferentialAction OnUpdate { get; init; }

    public bool IsSelfReference => Table.Equals(PrincipalTable);

    /// <summary>What the data say about the key (counted while fitting), or null where not counted.</summary>
    public RelationshipStatistics? Statistics { get; init; }

    /// <summary>
    /// False for an inferred key whose source rows hold orphans: kept as a relationship for the
    /// model, not created as a constraint on the target. Declared keys are always enforced.
    /// </summary>
    public bool IsEnforced { get; init; } = true;

    /// <summary>
    /// The value that stands for "no parent" in the child's column (<c>0</c> or the empty string, written by applications
    /// that use it where NULL is meant, as MySQL ones do: a direct channel's team <c>''</c>, a root category's parent
    /// <c>0</c>), as invariant text; null where the key has none. A row holding it has no parent, as a NULL would say,
    /// and the clone writes it back in the source's share. Such a key is never enforced: the target would refuse the value.
    /// Only on an inferred one-column key.
    /// </summary>
    public string? NoParentValue { get; init; }

    /// <summary>The name rule and data evidence of a key the source does not declare; null for a declared key.</summary>
    [JsonIgnore]
    public KeyEvidence? Inference { get; init; }

    public override string ToString() =>
        $"{Table}({string.Join(", ", Columns)}) -> {PrincipalTable}({string.Join(", ", PrincipalColumns)})";
}
