namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>What an <see cref="AppendedColumn"/> holds.</summary>
public enum AppendedKind
{
    /// <summary>The row's number of children in a relationship where it is the primary parent.</summary>
    ChildCount,

    /// <summary>The average of a numeric column over the row's children in such a relationship.</summary>
    ChildAverage,

    /// <summary>A column of the row's primary parent.</summary>
    ParentColumn,

    /// <summary>The number of children the row's parent has in this relationship (the row and its siblings).</summary>
    SiblingCount,

    /// <summary>The average of one of this table's numeric columns over the row and its siblings.</summary>
    SiblingAverage,

    /// <summary>A column of the row's parent's primary parent.</summary>
    GrandparentColumn,
}
