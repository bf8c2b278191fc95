namespace Sdv.Connector.Synthesis.Models;

/// <summary>How a column is fitted.</summary>
internal enum ColumnRole
{
    Continuous,
    Categorical,
    Id,
    Pii,
    Text,
    /// <summary>Arrays, json, xml, binary, geometry, network, bits, ranges, tsvector: see Structured/StructuredKinds.</summary>
    Structured,
    Fixed,
}
