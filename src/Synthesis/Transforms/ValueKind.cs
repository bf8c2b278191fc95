namespace Sdv.Connector.Synthesis.Transforms;

/// <summary>The canonical .NET representation of a cell, derived from the column's logical type.</summary>
internal enum ValueKind
{
    String,
    Boolean,
    Integer,
    Decimal,
    Double,
    Date,
    Time,
    DateTime,
    DateTimeOffset,
    Interval,
    Guid,
    Binary,
}
