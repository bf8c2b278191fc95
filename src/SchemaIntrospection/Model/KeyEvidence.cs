namespace Sdv.Connector.SchemaIntrospection.Model;

/// <summary>
/// Why a key the source does not declare was inferred: the name rule that proposed it and what the
/// data said (for a foreign key: how many distinct child values, how many of them have no parent,
/// whether the child side was sampled). Shown by <c>introspect</c> and kept in the metadata sidecar.
/// </summary>
public sealed record KeyEvidence(string Rule)
{
    /// <summary>Distinct non-null child values checked against the parent's key (foreign keys).</summary>
    public long? Values { get; init; }

    /// <summary>Of them, values the parent's key does not hold.</summary>
    public long? Orphans { get; init; }

    /// <summary>
    /// The value the child writes for "no parent" (<c>0</c> or the empty string, as MySQL applications write where NULL is
    /// meant), found among the child's values and in no parent's key; null where none. It is left out of
    /// <see cref="Values"/> and <see cref="Orphans"/>: it names no row, so it is no orphan.
    /// </summary>
    public string? NoParentValue { get; init; }

    /// <summary>True where the child side was a seeded sample of a large table.</summary>
    public bool Sampled { get; init; }

    /// <summary>Share of the child's distinct values found in the parent's key (1 where none were checked).</summary>
    public double InclusionRate => Values is > 0 and var v ? 1 - ((double)(Orphans ?? 0) / v) : 1;
}
