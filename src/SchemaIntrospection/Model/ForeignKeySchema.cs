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

    public override string ToString() =>
        $"{Table}({string.Join(", ", Columns)}) -> {PrincipalTable}({string.Join(", ", PrincipalColumns)})";
}
