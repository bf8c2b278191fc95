namespace Sdv.Connector.SchemaIntrospection.Model;

/// <summary>A view: listed and recreated where its tables are cloned, never modelled as a table.</summary>
public sealed record ViewSchema(QualifiedName Name, string? Definition)
{
    public bool IsMaterialized { get; init; }
}
