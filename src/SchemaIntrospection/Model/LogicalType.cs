namespace Sdv.Connector.SchemaIntrospection.Model;

/// <summary>
/// An engine-neutral type family, normalised from the native type. The native type is always
/// kept beside it (<see cref="ColumnSchema.NativeType"/>); this is what models and writers of
/// another engine reason about.
/// </summary>
public enum LogicalType
{
    /// <summary>A type the introspector could not place; kept and flagged.</summary>
    Other,
    Boolean,
    Int8,
    Int16,
    Int32,
    Int64,
    /// <summary>Exact numeric with <see cref="ColumnSchema.Precision"/> and <see cref="ColumnSchema.Scale"/>.</summary>
    Decimal,
    Money,
    Float32,
    Float64,
    /// <summary>Variable-length string with an optional <see cref="ColumnSchema.MaxLength"/>.</summary>
    String,
    /// <summary>Fixed-length string (CHAR(n)).</summary>
    FixedString,
    /// <summary>Unbounded text (TEXT, CLOB, NVARCHAR(MAX)).</summary>
    Text,
    Date,
    Time,
    TimeWithTimeZone,
    DateTime,
    DateTimeWithTimeZone,
    Interval,
    Uuid,
    Binary,
    Json,
    Xml,
    /// <summary>An enumerated type (PostgreSQL enum, MySQL ENUM); values in <see cref="ColumnSchema.EnumValues"/>.</summary>
    Enum,
    /// <summary>MySQL SET: a comma-separated subset of <see cref="ColumnSchema.EnumValues"/>.</summary>
    Set,
    Array,
    Spatial,
    Network,
    Range,
    Bit,
}
