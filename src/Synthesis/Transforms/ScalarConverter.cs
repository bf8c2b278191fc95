using System.Globalization;

namespace Sdv.Connector.Synthesis.Transforms;

/// <summary>
/// Reversible mapping of continuous kinds to doubles: integers and decimals as themselves, dates as
/// day numbers, times and intervals as ticks, timestamps as microseconds since 1970 (exact in a
/// double for any date a database holds, unlike raw ticks which exceed 2^53).
/// </summary>
internal static class ScalarConverter
{
    private const long UnixEpochTicks = 621355968000000000L;

    /// <summary>Ticks per unit of the double representation of each continuous kind.</summary>
    public static double TicksPerUnit(ValueKind kind) => kind switch
    {
        ValueKind.Date => TimeSpan.TicksPerDay,
        ValueKind.Time or ValueKind.Interval => 1,
        ValueKind.DateTime or ValueKind.DateTimeOffset => 10,
        _ => 0,
    };

    /// <summary>The value as a double, or NaN where it cannot be read as the kind.</summary>
    public static double ToDouble(object value, ValueKind kind)
    {
        switch (value)
        {
            case long l: return l;
            case double d: return d;
            case decimal m: return (double)m;
            case DateOnly date: return date.DayNumber;
            case DateTime dt: return kind == ValueKind.Date ? DateOnly.FromDateTime(dt).DayNumber : (dt.Ticks - UnixEpochTicks) / 10.0;
            case DateTimeOffset dto: return (dto.UtcTicks - UnixEpochTicks) / 10.0;
            case TimeOnly t: return t.Ticks;
            case TimeSpan ts: return ts.Ticks;
            case int i: return i;
            case short s: return s;
            case byte b: return b;
            case sbyte sb: return sb;
            case float f: return f;
            case bool flag: return flag ? 1 : 0;
            // A date kept as text, given back by a clone's own row (a parent's value, a copied one): 20240131235959 is no number.
            case string str when kind is ValueKind.Date or ValueKind.DateTime or ValueKind.DateTimeOffset:
                return SchemaIntrospection.Metadata.TextTimestamps.TryParseAny(str, TemporalType(kind), out var written) ? ToDouble(written, kind) : double.NaN;
            case string str when double.TryParse(str, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed): return parsed;
            default:
                try
                {
                    return Convert.ToDouble(value, CultureInfo.InvariantCulture);
                }
                catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
                {
                    return double.NaN;
                }
        }
    }

    /// <summary>The logical type of a date kind: Date, DateTime or DateTimeWithTimeZone.</summary>
    public static SchemaIntrospection.Model.LogicalType TemporalType(ValueKind kind) => kind switch
    {
        ValueKind.Date => SchemaIntrospection.Model.LogicalType.Date,
        ValueKind.DateTimeOffset => SchemaIntrospection.Model.LogicalType.DateTimeWithTimeZone,
        _ => SchemaIntrospection.Model.LogicalType.DateTime,
    };

    /// <summary>Ticks of a time value, for learning its precision; 0 for non-time kinds.</summary>
    public static long Ticks(object value) => value switch
    {
        DateTime dt => dt.Ticks,
        DateTimeOffset dto => dto.UtcTicks,
        TimeOnly t => t.Ticks,
        TimeSpan ts => ts.Ticks,
        _ => 0,
    };

    /// <summary>Builds the canonical value of <paramref name="kind"/> from a double already rounded to its precision.</summary>
    public static object FromDouble(double x, ValueKind kind, int scale, TimeSpan offset, bool isFloat32) => kind switch
    {
        ValueKind.Integer => (long)Math.Round(x, MidpointRounding.AwayFromZero),
        ValueKind.Decimal => Math.Round(ToDecimal(x), Math.Clamp(scale, 0, 28), MidpointRounding.AwayFromZero),
        ValueKind.Double => isFloat32 ? (double)(float)x : x,
        ValueKind.Date => DateOnly.FromDayNumber((int)Math.Clamp(Math.Round(x), 0, DateOnly.MaxValue.DayNumber)),
        ValueKind.Time => new TimeOnly(Math.Clamp((long)Math.Round(x), 0, TimeOnly.MaxValue.Ticks)),
        ValueKind.Interval => new TimeSpan((long)Math.Round(x)),
        ValueKind.DateTime => new DateTime(ClampTicks(UnixEpochTicks + (long)Math.Round(x * 10)), DateTimeKind.Unspecified),
        ValueKind.DateTimeOffset => new DateTimeOffset(ClampTicks(UnixEpochTicks + (long)Math.Round(x * 10) + offset.Ticks), offset),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a continuous kind."),
    };

    /// <summary>
    /// <paramref name="x"/> as a decimal no further from zero than <paramref name="x"/>. The conversion keeps 15
    /// significant digits, rounded to nearest: from 1e15 up that can step past the value, and at the top of a column's
    /// range past what the column holds (a BIGINT UNSIGNED near its maximum, 18446744073709551615, is the double 2^64 and
    /// came out as 18446744073709600000, which MariaDB refused as out of range). Such a value steps back by one unit
    /// of its 15th digit.
    /// </summary>
    private static decimal ToDecimal(double x)
    {
        var d = (decimal)x;
        if (Math.Abs(x) < 1e15 || Math.Abs((double)d) <= Math.Abs(x)) return d;
        var lastDigit = (decimal)Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(x))) - 14);
        return d - (Math.Sign(x) * lastDigit);
    }

    private static long ClampTicks(long ticks) => Math.Clamp(ticks, DateTime.MinValue.Ticks + TimeSpan.TicksPerDay, DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay);
}
