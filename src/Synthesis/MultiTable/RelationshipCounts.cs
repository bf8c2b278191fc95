namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>Children per parent of one relationship as the source counted them: count → parents with that count, and NULL-keyed children.</summary>
public sealed record RelationshipCounts(IReadOnlyList<(long Children, long Parents)> Counts, long NullChildren)
{
    public long ParentRows => Counts.Sum(static c => c.Parents);

    public long ReferencedParents => Counts.Where(static c => c.Children > 0).Sum(static c => c.Parents);

    public long KeyedChildren => Counts.Sum(static c => c.Children * c.Parents);
}
