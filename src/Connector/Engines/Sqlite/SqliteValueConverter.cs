using System.Globalization;
using System.Text;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.Sqlite;

/// <summary>
/// SQLite stores any value in any column. This reads a stored value (long, double, string or byte[])
/// as the canonical value of the column's logical type, tolerating the usual mismatches: numbers or
/// booleans stored as text, booleans as 0/1 or 'true', dates as 'YYYY-MM-DD[ HH:MM:SS]' text, julian
/// day numbers or unix seconds (milliseconds above 1e11), GUIDs as text or 16-byte blobs. It also gives
/// the value written for each canonical value (ISO-8601 text for dates and times, 0/1 for booleans,
/// invariant text for decimals, text for GUIDs).
/// </summary>
internal static partial class SqliteValueConverter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // Julian day numbers of 0001-01-01 and 9999-12-31: a number between them is taken as a julian day.
    private const double FirstJulianDay = 1721425.5;
    private const double LastJulianDay = 5373484.5;
    private const double UnixEpochJulianDay = 2440587.5;

    public static bool TryRead(object raw, LogicalType type, out object? value)
    {
        ArgumentNullException.ThrowIfNull(raw);
        value = null;
        try
        {
            value = type switch
            {
                LogicalType.Boolean => ReadBoolean(raw),
                LogicalType.Int8 or LogicalType.Int16 or LogicalType.Int32 or LogicalType.Int64 => ReadInteger(raw),
                LogicalType.Decimal or LogicalType.Money => ReadDecimal(raw),
                LogicalType.Float32 or LogicalType.Float64 => raw switch
                {
                    double d => d,
                    long l => (double)l,
                    string s => double.Parse(s.Trim(), NumberStyles.Float, Inv),
                    _ => null,
                },
                LogicalType.Date => ReadDateTime(raw) is { } date ? DateOnly.FromDateTime(date) : null,
                LogicalType.DateTime => ReadDateTime(raw),
                LogicalType.DateTimeWithTimeZone => ReadDateTimeOffset(raw),
                LogicalType.Time or LogicalType.TimeWithTimeZone => raw switch
                {
                    string s when TimeOnly.TryParse(s.Trim(), Inv, DateTimeStyles.None, out var t) => t,
                    string s when TimeSpan.TryParse(s.Trim(), Inv, out var span) && span >= TimeSpan.Zero && span < TimeSpan.FromDays(1) => TimeOnly.FromTimeSpan(span),
                    string s when ReadDateTime(s) is { } dt => TimeOnly.FromDateTime(dt),
                    long or double => TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(Convert.ToDouble(raw, Inv))),
                    _ => null,
                },
                LogicalType.Interval => raw switch
                {
                    string s when TimeSpan.TryParse(s.Trim(), Inv, out var span) => span,
                    long or double => TimeSpan.FromSeconds(Convert.ToDouble(raw, Inv)),
                    _ => null,
                },
                LogicalType.Uuid => raw switch
                {
                    byte[] { Length: 16 } bytes => new Guid(bytes),
                    string s => Guid.Parse(s.Trim(), Inv),
                    _ => null,
                },
                LogicalType.Binary => raw switch
                {
                    byte[] bytes => bytes,
                    string s => Encoding.UTF8.GetBytes(s),
                    _ => Encoding.UTF8.GetBytes(Convert.ToString(raw, Inv)!),
                },
                _ => raw switch
                {
                    string s => s,
                    double d => d.ToString("R", Inv),
                    byte[] bytes => Encoding.UTF8.GetString(bytes),
                    _ => Convert.ToString(raw, Inv),
                },
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException or ArgumentException)
        {
            value = null;
        }
        return value is not null;
    }

    private static object? ReadBoolean(object raw) => raw switch
    {
        long l => l != 0,
        double d => d != 0,
        string s => s.Trim().ToUpperInvariant() switch
        {
            "1" or "TRUE" or "T" or "YES" or "Y" or "ON" => true,
            "0" or "FALSE" or "F" or "NO" or "N" or "OFF" => false,
            _ => null,
        },
        _ => null,
    };

    private static object? ReadInteger(object raw) => raw switch
    {
        long l => l,
        double d when d == Math.Floor(d) && d >= long.MinValue && d <= long.MaxValue => (long)d,
        string s when long.TryParse(s.Trim(), NumberStyles.Integer, Inv, out var l) => l,
        string s when double.TryParse(s.Trim(), NumberStyles.Float, Inv, out var d) => ReadInteger(d),
        _ => null,
    };

    /// <summary>
    /// A REAL holds what SQLite kept of a decimal's text when 15 significant digits survived, so 15
    /// digits give the decimal that was written back exactly; TEXT holds the rest, parsed exactly.
    /// </summary>
    private static object? ReadDecimal(object raw) => raw switch
    {
        long l => (decimal)l,
        double d => decimal.Parse(d.ToString("G15", Inv), NumberStyles.Float, Inv),
        string s => decimal.Parse(s.Trim(), NumberStyles.Float, Inv),
        _ => null,
    };

    private static DateTime? ReadDateTime(object raw)
    {
        switch (raw)
        {
            case string s:
                var text = s.Trim();
                if (double.TryParse(text, NumberStyles.Float, Inv, out var number)) return FromNumber(number);
                if (DateTime.TryParse(text, Inv, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal, out var dt))
                    return DateTime.SpecifyKind(dt, DateTimeKind.Unspecified);
                return null;
            case long l:
                return FromNumber(l);
            case double d:
                return FromNumber(d);
            default:
                return null;
        }
    }

    private static DateTimeOffset? ReadDateTimeOffset(object raw)
    {
        if (raw is string s && DateTimeOffset.TryParse(s.Trim(), Inv, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var dto))
            return dto.ToUniversalTime();
        return ReadDateTime(raw) is { } dt ? new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)) : null;
    }

    /// <summary>A julian day number where it falls in years 1 to 9999, else unix seconds (or milliseconds above 1e11).</summary>
    private static DateTime FromNumber(double number)
    {
        var unixSeconds = number is >= FirstJulianDay and <= LastJulianDay
            ? (number - UnixEpochJulianDay) * 86400
            : Math.Abs(number) > 1e11 ? number / 1000 : number;
        var ticks = checked((long)Math.Round(unixSeconds * TimeSpan.TicksPerSecond));
        return DateTime.SpecifyKind(DateTime.UnixEpoch.AddTicks(ticks), DateTimeKind.Unspecified);
    }

    /// <summary>
    /// A timestamp written as text in the layout of its column (<see cref="SchemaIntrospection.Engines.Sqlite.SqliteTextColumns"/>):
    /// parsed by that layout alone, so an offset the layout writes as text (+02:00 throughout) is not taken for a zone to convert from.
    /// </summary>
    public static bool TryReadFormatted(string text, LogicalType type, string format, out object? value)
    {
        value = null;
        // The layout's fraction may be left out on the whole second (Python's isoformat()); it is written back with it.
        string[] formats = format.Contains(".f", StringComparison.Ordinal) ? [format, WholeSecond().Replace(format, string.Empty)] : [format];
        if (type == LogicalType.DateTimeWithTimeZone && DateTimeOffset.TryParseExact(text, formats, Inv, DateTimeStyles.None, out var dto)) value = dto;
        else if (type == LogicalType.DateTime && DateTime.TryParseExact(text, formats, Inv, DateTimeStyles.None, out var dt)) value = dt;
        return value is not null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\.f+")]
    private static partial System.Text.RegularExpressions.Regex WholeSecond();

    /// <summary>The value a timestamp cell is stored as in a column that writes timestamps as text in a layout of its own (<paramref name="format"/>).</summary>
    public static object ToStored(object? value, string format) => value switch
    {
        DateTime dt => dt.ToString(format, Inv),
        DateTimeOffset dto => dto.ToString(format, Inv),
        _ => ToStored(value),
    };

    /// <summary>The value a canonical cell is stored as.</summary>
    public static object ToStored(object? value) => value switch
    {
        null => DBNull.Value,
        DBNull => DBNull.Value,
        bool b => b ? 1L : 0L,
        long or string or byte[] or double => value,
        int or short or sbyte or byte or uint or ushort => Convert.ToInt64(value, Inv),
        float f => double.Parse(f.ToString("R", Inv), Inv),
        decimal m => m.ToString(Inv),
        DateOnly date => date.ToString("yyyy-MM-dd", Inv),
        DateTime dt => dt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", Inv).TrimEnd('.'),
        DateTimeOffset dto => dto.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", Inv).TrimEnd('.') + "+00:00",
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFFF", Inv).TrimEnd('.'),
        TimeSpan span => span.ToString("c", Inv),
        Guid g => g.ToString("D", Inv),
        IFormattable formattable => formattable.ToString(null, Inv),
        _ => value.ToString() ?? string.Empty,
    };
}
