namespace Sdv.Connector.SchemaIntrospection.Model;

/// <summary>One table: columns in order, keys, constraints, indexes and its row count.</summary>
public sealed record TableSchema
{
    public required QualifiedName Name { get; init; }

    public required IReadOnlyList<ColumnSchema> Columns { get; init; }

    public KeySchema? PrimaryKey { get; init; }

    public IReadOnlyList<ForeignKeySchema> ForeignKeys { get; init; } = [];

    /// <summary>Unique constraints and unique indexes other than the primary key.</summary>
    public IReadOnlyList<KeySchema> UniqueKeys { get; init; } = [];

    public IReadOnlyList<CheckConstraintSchema> CheckConstraints { get; init; } = [];

    /// <summary>Indexes that are neither the primary key nor unique keys.</summary>
    public IReadOnlyList<IndexSchema> Indexes { get; init; } = [];

    /// <summary>Row count: an estimate unless <see cref="RowCountIsExact"/>.</summary>
    public long? RowCount { get; init; }

    public bool RowCountIsExact { get; init; }

    /// <summary>Partitions of a partitioned table, grouped under their parent.</summary>
    public IReadOnlyList<QualifiedName> Partitions { get; init; } = [];

    public string? Comment { get; init; }

    public IReadOnlyDictionary<string, string> Annotations { get; init; } = EmptyAnnotations.Instance;

    /// <summary>The user's word on whether this is a reference table copied verbatim (null: decided automatically).</summary>
    public bool? ReferenceOverride { get; init; }

    /// <summary>
    /// The user's choice of primary parent: the child columns of the foreign key, joined by commas, or
    /// the empty string for "a root table" (null: decided automatically).
    /// </summary>
    public string? PrimaryParentOverride { get; init; }

    public ColumnSchema? FindColumn(string name) => Columns.FirstOrDefault(c => c.Name == name);

    /// <summary>
    /// Whether <paramref name="columns"/> are, in any order, the primary key or a unique key the source declares (not one
    /// inferred from names and data): a key every engine keeps an index of, so a row can be looked up by it.
    /// </summary>
    public bool HasDeclaredKey(IReadOnlyCollection<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return new[] { PrimaryKey }.Concat(UniqueKeys).Any(k => k is { Inference: null } && k.Columns.Count == columns.Count && !k.Columns.Except(columns).Any());
    }

    public ColumnSchema Column(string name) => FindColumn(name)
        ?? throw new KeyNotFoundException($"Table {Name} has no column {name}.");
}
