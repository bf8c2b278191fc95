namespace Sdv.Connector.SchemaIntrospection.Model;

/// <summary>A PostgreSQL enum type (<see cref="EnumValues"/>), domain (<see cref="BaseType"/> and checks) or composite type (<see cref="Attributes"/>).</summary>
public sealed record UserTypeSchema(QualifiedName Name)
{
    public IReadOnlyList<string>? EnumValues { get; init; }

    public string? BaseType { get; init; }

    public bool NotNull { get; init; }

    public IReadOnlyList<string> Checks { get; init; } = [];

    /// <summary>A composite type's attributes as SQL (<c>"street" text, "zip" character varying(5)</c>), or null.</summary>
    public string? Attributes { get; init; }

    public bool IsEnum => EnumValues is not null;

    public bool IsComposite => Attributes is not null;
}
