using System.Text.Json.Serialization;

namespace Sdv.Connector.SchemaIntrospection.Model;

/// <summary>A primary key or unique constraint: a name and its columns in key order.</summary>
public sealed record KeySchema(string? Name, IReadOnlyList<string> Columns)
{
    /// <summary>True where the key was declared as a unique index rather than a constraint.</summary>
    public bool IsIndex { get; init; }

    /// <summary>The name rule of a primary key the source does not declare (unique and not null in the data); null for a declared key.</summary>
    [JsonIgnore]
    public KeyEvidence? Inference { get; init; }
}
