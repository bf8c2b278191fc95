using System.Text.Json.Serialization;

namespace Sdv.Connector.SchemaIntrospection.Model;

/// <summary>One column as the database declares it, plus the sdtype the metadata step gives it.</summary>
public sealed record ColumnSchema
{
    public required string Name { get; init; }

    /// <summary>1-based position in the table.</summary>
    public required int Ordinal { get; init; }

    /// <summary>The type as the engine writes it, e.g. <c>character varying(40)</c> or <c>NVARCHAR(120)</c>.</summary>
    public required string NativeType { get; init; }

    public required LogicalType LogicalType { get; init; }

    public required bool IsNullable { get; init; }

    /// <summary>Default expression in the engine's own SQL, or null.</summary>
    public string? DefaultSql { get; init; }

    public IdentityKind Identity { get; init; }

    /// <summary>Expression of a generated (computed) column, or null; such columns are never written.</summary>
    public string? GeneratedSql { get; init; }

    /// <summary>Character or byte length limit, where the type has one.</summary>
    public int? MaxLength { get; init; }

    public int? Precision { get; init; }

    public int? Scale { get; init; }

    /// <summary>Collation where it differs from the database default.</summary>
    public string? Collation { get; init; }

    /// <summary>Allowed values of an enum or set type, in declared order.</summary>
    public IReadOnlyList<string>? EnumValues { get; init; }

    /// <summary>Element type of an array column (native), or null.</summary>
    public string? ElementType { get; init; }

    /// <summary>Name of the PostgreSQL domain or enum type the column is declared with, or null.</summary>
    public QualifiedName? UserType { get; init; }

    /// <summary>The sdtype given by inference or by the user's metadata file.</summary>
    public SdType SdType { get; init; } = SdType.Unknown;

    /// <summary>The kind of personal data, where <see cref="SdType"/> is <see cref="SdType.Pii"/>.</summary>
    public PiiKind? PiiKind { get; init; }

    /// <summary>strftime format of a datetime column (SDV's <c>datetime_format</c>), where known.</summary>
    public string? DatetimeFormat { get; init; }

    /// <summary>The rule and evidence that chose <see cref="SdType"/> (introspection only: not kept in model files).</summary>
    [JsonIgnore]
    public SdTypeEvidence? Inference { get; init; }

    /// <summary>Engine extras that have no field of their own.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = EmptyAnnotations.Instance;

    /// <summary>True for types that are kept and flagged rather than modelled (spatial, ranges, xml, ...).</summary>
    public bool IsExotic => LogicalType is LogicalType.Other or LogicalType.Spatial or LogicalType.Range
        or LogicalType.Xml or LogicalType.Array or LogicalType.Network or LogicalType.Interval or LogicalType.Bit;
}
