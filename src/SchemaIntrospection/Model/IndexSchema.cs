namespace Sdv.Connector.SchemaIntrospection.Model;

/// <summary>A non-key index. Expression indexes keep their definition in <see cref="Definition"/>.</summary>
public sealed record IndexSchema(string Name, IReadOnlyList<string> Columns, bool IsUnique)
{
    /// <summary>Partial-index predicate, where the engine has them.</summary>
    public string? Filter { get; init; }

    /// <summary>The engine's full definition (e.g. pg_get_indexdef), where available.</summary>
    public string? Definition { get; init; }
}
