using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Nightly.Config;

/// <summary>
/// One entry of <c>columns:</c>, keyed <c>table.column</c> or <c>schema.table.column</c>. SdType and Pii
/// change how the column is modelled (a change makes the saved model stale: it is refitted);
/// KeepConstant writes the given literal in every row; NullOut writes NULL in every row.
/// </summary>
internal sealed record ColumnOverride(string Key, int Line)
{
    public SdType? SdType { get; init; }

    public PiiKind? Pii { get; init; }

    /// <summary>A literal, converted to the column's type when the run starts (e.g. "NL", "0", "2024-01-01").</summary>
    public string? KeepConstant { get; init; }

    public bool NullOut { get; init; }

    /// <summary>The table part of the key (everything before the last dot).</summary>
    public string Table => Key[..Key.LastIndexOf('.')];

    public string Column => Key[(Key.LastIndexOf('.') + 1)..];
}
