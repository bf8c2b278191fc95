using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Engines.MySql;

/// <summary>What <see cref="MySqlTypeMapping"/> makes of one column's type.</summary>
internal sealed record MySqlMappedType(LogicalType LogicalType)
{
    public int? MaxLength { get; init; }

    public int? Precision { get; init; }

    public int? Scale { get; init; }

    public IReadOnlyList<string>? EnumValues { get; init; }

    /// <summary>Set where the type is unknown to the mapping: the text of a warning.</summary>
    public string? Warning { get; init; }
}
