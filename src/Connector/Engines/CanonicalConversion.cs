using System.Globalization;
using System.Text;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>
/// Turns what an ADO.NET driver returns into the canonical value of a logical type
/// (<see cref="CanonicalValues"/>). Engine readers handle their driver's own types first
/// (MySqlDateTime, out-of-range TIME) and pass the rest here.
/// </summary>
internal static class CanonicalConversion
{
    /// <summary>
    /// Converts <paramref name="value"/> (not null) to the canonical value of <paramref name="type"/>;
    /// false where the value has no canonical form (an unsigned number beyond Int64, a TIME outside
    /// 00:00–24:00): the caller writes NULL and warns.
    /// </summary>
    public static bool TryConvert(object value, LogicalType type, out object? result)
    {
        ArgumentNullException.ThrowIfNull(value);
        result = null;
        switch (type)
        {
            case LogicalType.Int8 or LogicalType.Int16 or LogicalType.Int32 or LogicalType.Int64:
                return TryToInteger(value, out result);
            case LogicalType.Time or LogicalType.TimeWithTimeZone:
                return TryToTime(value, type, out result);
            default:
                result = type switch
                {
                    LogicalType.Boolean => ToBoolean(value),
                    LogicalType.Decimal or LogicalType.Money => value is decimal ? value : Convert.ToDecimal(value, CultureInfo.InvariantCulture),
                    LogicalType.Float32 or LogicalType.Float64 => ToDouble(value),
                    LogicalType.Date => ToDate(value, type),
                    LogicalType.DateTime => ToDateTime(value, type),
                    LogicalType.DateTimeWithTimeZone => ToDateTimeOffset(value, type),
                    LogicalType.Interval => ToInterval(value, type),
                    LogicalType.Uuid => ToUuid(value, type),
                    LogicalType.Binary => ToBinary(value, type),
                    _ => ToText(value),
                };
                return true;
        }
    }

    private static object ToBoolean(object value) => value switch
    {
        // A value already of the canonical type is kept as it is, not unboxed and boxed again.
        bool => value,
        string s => s is "1" or "t" or "true" or "TRUE" or "True" or "y" or "Y",
        byte[] bytes => bytes.Any(x => x != 0),
        ulong u => u != 0,
        _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture) != 0m,
    };

    /// <summary>A whole number as a long; false beyond Int64 (an unsigned BIGINT above its max, a decimal out of range).</summary>
    private static bool TryToInteger(object value, out object? result)
    {
        result = null;
        switch (value)
        {
            case long: result = value; return true;
            case ulong u when u > long.MaxValue: return false;
            case decimal d when d > long.MaxValue || d < long.MinValue: return false;
            case bool b: result = b ? 1L : 0L; return true;
            default: result = Convert.ToInt64(value, CultureInfo.InvariantCulture); return true;
        }
    }

    private static object ToDouble(object value) => value switch
    {
        double => value,
        // The shortest text of a float is what the database shows; widening the bits would add noise digits.
        float f => double.Parse(f.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };

    private static object ToDate(object value, LogicalType type) => value switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        DateTimeOffset dto => DateOnly.FromDateTime(dto.DateTime),
        string s => DateOnly.Parse(s, CultureInfo.InvariantCulture),
        _ => throw Unexpected(value, type),
    };

    /// <summary>A time of day; false for a duration outside 00:00–24:00 (a MySQL TIME of 838 hours).</summary>
    private static bool TryToTime(object value, LogicalType type, out object? result)
    {
        result = null;
        switch (value)
        {
            case TimeOnly t: result = t; return true;
            case TimeSpan ts when ts >= TimeSpan.Zero && ts < TimeSpan.FromDays(1): result = TimeOnly.FromTimeSpan(ts); return true;
            case TimeSpan: return false;
            case DateTime dt: result = TimeOnly.FromDateTime(dt); return true;
            case DateTimeOffset dto: result = TimeOnly.FromDateTime(dto.DateTime); return true;
            default: throw Unexpected(value, type);
        }
    }

    private static object ToDateTime(object value, LogicalType type) => value switch
    {
        DateTime dt => DateTime.SpecifyKind(dt, DateTimeKind.Unspecified),
        DateTimeOffset dto => dto.DateTime,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        _ => throw Unexpected(value, type),
    };

    private static object ToDateTimeOffset(object value, LogicalType type) => value switch
    {
        DateTimeOffset dto => dto.ToUniversalTime(),
        // A zone-less value from the driver is taken as UTC (the writers store UTC).
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        _ => throw Unexpected(value, type),
    };

    private static object ToInterval(object value, LogicalType type) => value switch
    {
        TimeSpan ts => ts,
        TimeOnly t => t.ToTimeSpan(),
        string s => TimeSpan.Parse(s, CultureInfo.InvariantCulture),
        _ => throw Unexpected(value, type),
    };

    private static object ToUuid(object value, LogicalType type) => value switch
    {
        Guid g => g,
        string s => Guid.Parse(s),
        byte[] { Length: 16 } bytes => new Guid(bytes, bigEndian: true),
        _ => throw Unexpected(value, type),
    };

    private static object ToBinary(object value, LogicalType type) => value switch
    {
        byte[] bytes => bytes,
        string s => Encoding.UTF8.GetBytes(s),
        Guid g => g.ToByteArray(bigEndian: true),
        _ => throw Unexpected(value, type),
    };

    /// <summary>The text form of a value of a string-like or exotic type.</summary>
    public static string ToText(object value) => value switch
    {
        string s => s,
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        bool b => b ? "true" : "false",
        DateTime dt => dt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static InvalidCastException Unexpected(object value, LogicalType type) =>
        new($"A value of CLR type {value.GetType().Name} cannot be read as {type}.");
}
