namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// Children per parent of one relationship as the source counted them: count → parents with that count, and NULL-keyed
/// children. For a self-reference, <see cref="RootCounts"/> is the same histogram over the roots alone (rows whose key is
/// NULL or points at themselves): the head of a flat hierarchy has all the children, the rows under it none.
/// </summary>
public sealed record RelationshipCounts(IReadOnlyList<(long Children, long Parents)> Counts, long NullChildren, IReadOnlyList<(long Children, long Parents)>? RootCounts = null)
{
    public long ParentRows => Counts.Sum(static c => c.Parents);

    public long ReferencedParents => Counts.Where(static c => c.Children > 0).Sum(static c => c.Parents);

    public long KeyedChildren => Counts.Sum(static c => c.Children * c.Parents);
}
