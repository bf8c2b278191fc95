namespace Sdv.Connector.SchemaIntrospection.Model;

/// <summary>A sequence, with the column that owns it where there is one, and its parameters where the engine gives them.</summary>
public sealed record SequenceSchema(QualifiedName Name)
{
    public QualifiedName? OwnedByTable { get; init; }

    public string? OwnedByColumn { get; init; }

    /// <summary>True for the sequence behind an identity column: the identity creates it, it is never created on its own.</summary>
    public bool IsIdentity { get; init; }

    /// <summary>The sequence's data type (smallint, integer, bigint), or null for the engine's default.</summary>
    public string? DataType { get; init; }

    public long? Start { get; init; }

    public long? Increment { get; init; }

    public long? MinValue { get; init; }

    public long? MaxValue { get; init; }

    public long? Cache { get; init; }

    public bool Cycle { get; init; }

    /// <summary>The value last handed out in the source (null when never used or not readable): a sequence no column uses is moved there in the clone.</summary>
    public long? LastValue { get; init; }
}
