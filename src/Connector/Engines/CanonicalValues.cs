using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>
/// The one representation of cell values between readers, models and writers, by logical type:
/// Boolean → bool; Int8/16/32/64 → long; Decimal/Money → decimal; Float32/64 → double;
/// Date → DateOnly; Time/TimeWithTimeZone → TimeOnly; DateTime → DateTime (Kind Unspecified);
/// DateTimeWithTimeZone → DateTimeOffset (UTC); Interval → TimeSpan; Uuid → Guid; Binary → byte[];
/// String, FixedString, Text, Enum, Set, Json, Xml and every exotic type → string (its text form);
/// SQL NULL → null.
/// </summary>
internal static class CanonicalValues
{
    /// <summary>The CLR type a cell of <paramref name="type"/> holds.</summary>
    public static Type ClrType(LogicalType type) => type switch
    {
        LogicalType.Boolean => typeof(bool),
        LogicalType.Int8 or LogicalType.Int16 or LogicalType.Int32 or LogicalType.Int64 => typeof(long),
        LogicalType.Decimal or LogicalType.Money => typeof(decimal),
        LogicalType.Float32 or LogicalType.Float64 => typeof(double),
        LogicalType.Date => typeof(DateOnly),
        LogicalType.Time or LogicalType.TimeWithTimeZone => typeof(TimeOnly),
        LogicalType.DateTime => typeof(DateTime),
        LogicalType.DateTimeWithTimeZone => typeof(DateTimeOffset),
        LogicalType.Interval => typeof(TimeSpan),
        LogicalType.Uuid => typeof(Guid),
        LogicalType.Binary => typeof(byte[]),
        _ => typeof(string),
    };
}
