namespace Sdv.Connector.Synthesis.Models;

/// <summary>How a column is fitted.</summary>
internal enum ColumnRole
{
    Continuous,
    Categorical,
    Id,
    Pii,
    Text,
    Fixed,
}
