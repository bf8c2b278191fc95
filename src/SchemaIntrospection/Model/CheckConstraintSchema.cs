namespace Sdv.Connector.SchemaIntrospection.Model;

/// <summary>A CHECK constraint with its expression as the engine prints it.</summary>
public sealed record CheckConstraintSchema(string? Name, string Expression);
