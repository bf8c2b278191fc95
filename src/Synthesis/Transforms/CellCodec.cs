using System.Globalization;

namespace Sdv.Connector.Synthesis.Transforms;

/// <summary>
/// Canonical values to culture-invariant strings and back, so a model file stores categories,
/// fixed values and patterns the same way on every machine.
/// </summary>
internal static class CellCodec
{
    public static string Format(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.ToString("O", CultureInfo.InvariantCulture),
        TimeSpan ts => ts.ToString("c", CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    public static object Parse(string text, ValueKind kind) => kind switch
    {
        ValueKind.String => text,
        ValueKind.Boolean => bool.Parse(text),
        ValueKind.Integer => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
        ValueKind.Decimal => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        ValueKind.Double => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        ValueKind.Date => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        ValueKind.Time => TimeOnly.Parse(text, CultureInfo.InvariantCulture),
        ValueKind.DateTime => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        ValueKind.DateTimeOffset => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        ValueKind.Interval => TimeSpan.ParseExact(text, "c", CultureInfo.InvariantCulture),
        ValueKind.Guid => Guid.Parse(text),
        ValueKind.Binary => Convert.FromBase64String(text),
        _ => text,
    };

    /// <summary>
    /// Brings a caller's value to the canonical type of <paramref name="kind"/> (an int for a long
    /// column, a string for a date), so that equality and hashing agree; the fast path is one type test.
    /// </summary>
    public static object Canonical(object value, ValueKind kind)
    {
        // A date kept as text, given back by a clone's own row, in whichever layout it is kept (20240131235959 too).
        if (value is string text && kind is ValueKind.Date or ValueKind.DateTime or ValueKind.DateTimeOffset
            && SchemaIntrospection.Metadata.TextTimestamps.TryParseAny(text, ScalarConverter.TemporalType(kind), out var date))
        {
            return date;
        }

        switch (kind)
        {
            // Text kept as bytes (a VARBINARY of titles) is its text.
            case ValueKind.String when value is byte[] bytes && SchemaIntrospection.Metadata.TextBytes.TryDecode(bytes, out var decoded): return decoded;
            case ValueKind.String: return value as string ?? Format(value);
            case ValueKind.Integer: return value is long ? value : value is string s ? Parse(s, kind) : Convert.ToInt64(value, CultureInfo.InvariantCulture);
            case ValueKind.Double: return value is double ? value : value is string s2 ? Parse(s2, kind) : Convert.ToDouble(value, CultureInfo.InvariantCulture);
            case ValueKind.Decimal: return value is decimal ? value : value is string s3 ? Parse(s3, kind) : Convert.ToDecimal(value, CultureInfo.InvariantCulture);
            case ValueKind.Boolean: return value is bool ? value : value is string s4 ? Parse(s4, kind) : Convert.ToBoolean(value, CultureInfo.InvariantCulture);
            case ValueKind.Date: return value switch { DateOnly => value, DateTime dt => DateOnly.FromDateTime(dt), string s5 => Parse(s5, kind), _ => value };
            case ValueKind.Guid: return value switch { Guid => value, string s6 => Guid.Parse(s6), _ => value };
            default: return value is string s7 ? Parse(s7, kind) : value;
        }
    }
}
