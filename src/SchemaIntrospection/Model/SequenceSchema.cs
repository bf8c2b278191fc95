namespace Sdv.Connector.SchemaIntrospection.Model;

/// <summary>A sequence, with the column that owns it where there is one.</summary>
public sealed record SequenceSchema(QualifiedName Name)
{
    public QualifiedName? OwnedByTable { get; init; }

    public string? OwnedByColumn { get; init; }
}
