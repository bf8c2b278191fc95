using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.Transforms;

/// <summary>Maps logical types to canonical value kinds and tells which kinds are continuous.</summary>
internal static class ValueKinds
{
    public static ValueKind Of(LogicalType type) => type switch
    {
        LogicalType.Boolean => ValueKind.Boolean,
        LogicalType.Int8 or LogicalType.Int16 or LogicalType.Int32 or LogicalType.Int64 => ValueKind.Integer,
        LogicalType.Decimal or LogicalType.Money => ValueKind.Decimal,
        LogicalType.Float32 or LogicalType.Float64 => ValueKind.Double,
        LogicalType.Date => ValueKind.Date,
        LogicalType.Time or LogicalType.TimeWithTimeZone => ValueKind.Time,
        LogicalType.DateTime => ValueKind.DateTime,
        LogicalType.DateTimeWithTimeZone => ValueKind.DateTimeOffset,
        LogicalType.Interval => ValueKind.Interval,
        LogicalType.Uuid => ValueKind.Guid,
        LogicalType.Binary => ValueKind.Binary,
        _ => ValueKind.String,
    };

    /// <summary>Kinds that map to a point on the real line and can take a continuous marginal.</summary>
    public static bool IsContinuous(ValueKind kind) => kind is ValueKind.Integer or ValueKind.Decimal or ValueKind.Double
        or ValueKind.Date or ValueKind.Time or ValueKind.DateTime or ValueKind.DateTimeOffset or ValueKind.Interval;

    /// <summary>Smallest and largest value a logical type holds, in the continuous units of <see cref="ScalarConverter"/>.</summary>
    public static (double Min, double Max) TypeRange(LogicalType type, int? precision, int? scale)
    {
        switch (type)
        {
            case LogicalType.Int8: return (sbyte.MinValue, byte.MaxValue);
            case LogicalType.Int16: return (short.MinValue, short.MaxValue);
            case LogicalType.Int32: return (int.MinValue, int.MaxValue);
            case LogicalType.Int64: return (-9.2e18, 9.2e18);
            case LogicalType.Float32: return (float.MinValue, float.MaxValue);
            case LogicalType.Decimal or LogicalType.Money when precision is { } p && p is > 0 and <= 28:
                var s = scale ?? 0;
                var limit = Math.Pow(10, p - s) - Math.Pow(10, -s);
                return (-limit, limit);
            default: return (double.MinValue, double.MaxValue);
        }
    }
}
