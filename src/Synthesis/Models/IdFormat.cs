namespace Sdv.Connector.Synthesis.Models;

/// <summary>How generated keys look.</summary>
internal enum IdFormat
{
    /// <summary>1, 2, 3, ... (as the column's numeric type, or as digits in a string column).</summary>
    Sequence,
    /// <summary>Random version-4 UUIDs (uuid type or their text in a string column).</summary>
    Uuid,
    /// <summary>A common prefix then a zero-padded counter: INV-000001.</summary>
    Pattern,
    /// <summary>Strings of the learned shape, made unique.</summary>
    Shape,
}
