namespace Sdv.Connector.SchemaIntrospection.Model;

/// <summary>A PostgreSQL enum type (<see cref="EnumValues"/>) or domain (<see cref="BaseType"/> and checks).</summary>
public sealed record UserTypeSchema(QualifiedName Name)
{
    public IReadOnlyList<string>? EnumValues { get; init; }

    public string? BaseType { get; init; }

    public bool NotNull { get; init; }

    public IReadOnlyList<string> Checks { get; init; } = [];

    public bool IsEnum => EnumValues is not null;
}
