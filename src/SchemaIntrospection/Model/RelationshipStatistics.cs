namespace Sdv.Connector.SchemaIntrospection.Model;

/// <summary>
/// What the data say about one foreign key, counted by the source: how many parent rows there are,
/// how many child rows, how many of those have a NULL key, and how many distinct parents are
/// referenced. The multi-table plan reads it to tell an owner (an invoice's lines) from a parent that
/// rows merely point at (the 8 employees 59 customers name as their representative).
/// </summary>
/// <param name="ParentRows">Rows of the parent table.</param>
/// <param name="ChildRows">Rows of the child table.</param>
/// <param name="NullChildren">Child rows whose key has a NULL.</param>
/// <param name="ReferencedParents">Distinct parent rows at least one child points at.</param>
public sealed record RelationshipStatistics(long ParentRows, long ChildRows, long NullChildren, long ReferencedParents)
{
    /// <summary>Share of the parent's rows that have at least one child.</summary>
    public double ReferencedShare => ParentRows == 0 ? 0 : ReferencedParents / (double)ParentRows;

    /// <summary>Share of child rows whose key is NULL.</summary>
    public double NullShare => ChildRows == 0 ? 0 : NullChildren / (double)ChildRows;

    /// <summary>Children per parent that has any.</summary>
    public double ChildrenPerReferencedParent => ReferencedParents == 0 ? 0 : (ChildRows - NullChildren) / (double)ReferencedParents;
}
