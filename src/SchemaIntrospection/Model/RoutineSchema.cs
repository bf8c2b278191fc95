namespace Sdv.Connector.SchemaIntrospection.Model;

/// <summary>
/// A stored function or procedure, as its engine prints its full CREATE statement. Recreated on a
/// clone of the same engine (<c>--routines copy</c>, the default), never modelled.
/// </summary>
public sealed record RoutineSchema(QualifiedName Name, string Kind, string Definition)
{
    /// <summary>The name as the definition spells it (PostgreSQL: quote_ident(schema).quote_ident(name)), so a writer can point it elsewhere.</summary>
    public string? PrintedName { get; init; }
}
