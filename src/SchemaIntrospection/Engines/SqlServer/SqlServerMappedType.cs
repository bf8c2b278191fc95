using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Engines.SqlServer;

/// <summary>What <see cref="SqlServerTypeMapping"/> makes of one column's type.</summary>
internal sealed record SqlServerMappedType(LogicalType LogicalType, string NativeType)
{
    public int? MaxLength { get; init; }

    public int? Precision { get; init; }

    public int? Scale { get; init; }

    /// <summary>Set where the type is unknown to the mapping: the text of a warning.</summary>
    public string? Warning { get; init; }
}
