using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.SchemaIntrospection.Metadata;

/// <summary>
/// Dates and timestamps kept as text (a varchar of ISO 8601 timestamps, <c>2025-01-02T10:11:12Z</c>, a MediaWiki
/// <c>20240131235959</c>): the layout of such a value as an strftime format (SDV's <c>datetime_format</c>), the
/// logical type that models it, the .NET format that writes it back, and a parser for every layout found here. The
/// column then keeps its text type; only its model sees dates, so the clone holds valid dates of the source's range in
/// the source's layout, not digits of their shape (<c>2025-01-02T97:13:00Z</c>).
/// </summary>
public static partial class TextTimestamps
{
    /// <summary>
    /// The strftime layout of <paramref name="text"/> where it is a valid date or timestamp in ISO 8601 (a date; a date,
    /// T or space and a time to the minute, second or fraction; Z or an offset) or as 14 digits (yyyymmddhhmmss, years
    /// 1900 to 2199 only: other numbers of 14 digits are no timestamps); null for any other text.
    /// </summary>
    public static string? LayoutOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 14 && text.All(char.IsAsciiDigit))
        {
            return DateTime.TryParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var compact)
                && compact.Year is >= 1900 and < 2200 ? CompactLayout : null;
        }
        var match = IsoPattern().Match(text);
        if (!match.Success) return null;
        var layout = new StringBuilder("%Y-%m-%d");
        if (match.Groups["time"].Success)
        {
            layout.Append(match.Groups["sep"].Value).Append("%H:%M");
            if (match.Groups["sec"].Success) layout.Append(":%S");
            if (match.Groups["frac"].Success) layout.Append(".%f");
            layout.Append(match.Groups["zone"].Value switch { "" => "", "Z" => "Z", _ => "%:z" });
        }
        var strftime = layout.ToString();
        return TryParse(text, strftime, out _) ? strftime : null;
    }

    /// <summary>The 14-digit layout of MediaWiki and other PHP applications.</summary>
    public const string CompactLayout = "%Y%m%d%H%M%S";

    /// <summary>
    /// The logical type that models values of an strftime layout: Date without a time, DateTimeWithTimeZone with an
    /// offset (%z, %:z), else DateTime; null where the layout has a directive other than %Y %m %d %H %M %S %f %z %:z.
    /// </summary>
    public static LogicalType? ModelledType(string strftime)
    {
        ArgumentNullException.ThrowIfNull(strftime);
        if (DotNetFormat(strftime, 6) is null) return null;
        if (strftime.Contains("%z", StringComparison.Ordinal) || strftime.Contains("%:z", StringComparison.Ordinal)) return LogicalType.DateTimeWithTimeZone;
        return strftime.Contains("%H", StringComparison.Ordinal) ? LogicalType.DateTime : LogicalType.Date;
    }

    /// <summary>
    /// The .NET custom format of an strftime layout, its fraction written with <paramref name="fractionDigits"/> digits
    /// (strftime's %f has six; JavaScript writes three); null where the layout has another directive.
    /// </summary>
    public static string? DotNetFormat(string strftime, int fractionDigits)
    {
        ArgumentNullException.ThrowIfNull(strftime);
        var format = new StringBuilder();
        var literal = new StringBuilder();
        void Flush()
        {
            if (literal.Length == 0) return;
            format.Append('\'').Append(literal.Replace("'", "\\'")).Append('\'');
            literal.Clear();
        }
        for (var i = 0; i < strftime.Length; i++)
        {
            if (strftime[i] != '%')
            {
                literal.Append(strftime[i]);
                continue;
            }
            var directive = i + 1 < strftime.Length ? strftime[++i] : '\0';
            if (directive == ':' && i + 1 < strftime.Length && strftime[i + 1] == 'z')
            {
                i++;
                directive = 'Z';
            }
            string? token = directive switch
            {
                'Y' => "yyyy", 'm' => "MM", 'd' => "dd", 'H' => "HH", 'M' => "mm", 'S' => "ss",
                'f' => new string('f', Math.Clamp(fractionDigits, 1, 7)),
                // %z (+0200) and %:z (+02:00) are both written with the colon: .NET has no offset without one.
                'z' or 'Z' => "zzz",
                '%' => null,
                _ => "?",
            };
            if (token == "?") return null;
            if (token is null)
            {
                literal.Append('%');
                continue;
            }
            Flush();
            format.Append(token);
        }
        Flush();
        return format.ToString();
    }

    /// <summary>
    /// Reads <paramref name="text"/> written in <paramref name="strftime"/> (a fraction of any number of digits, or none,
    /// is accepted: Python leaves it out on the whole second) as a DateOnly, a DateTime (its wall-clock time, a Z
    /// dropped) or a DateTimeOffset, as <see cref="ModelledType"/> says; false for text of another layout.
    /// </summary>
    public static bool TryParse(string text, string strftime, out object value)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(strftime);
        value = text;
        var (type, formats) = Parsers.GetOrAdd(strftime, ParserOf);
        if (type is null) return false;
        var ok = DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed);
        if (!ok) return false;
        value = type switch
        {
            LogicalType.Date => DateOnly.FromDateTime(parsed.DateTime),
            LogicalType.DateTime => DateTime.SpecifyKind(parsed.DateTime, DateTimeKind.Unspecified),
            _ => parsed,
        };
        return true;
    }

    /// <summary>
    /// Per strftime layout, the type it models and the .NET formats that read it: built once, not for every value of a
    /// column the fit reads.
    /// </summary>
    private static readonly ConcurrentDictionary<string, (LogicalType? Type, string[] Formats)> Parsers = new(StringComparer.Ordinal);

    private static (LogicalType? Type, string[] Formats) ParserOf(string strftime)
    {
        var type = ModelledType(strftime);
        if (type is null) return (null, []);
        // With a fraction: its seven widths, then none (the whole second), each tried exactly.
        return strftime.Contains("%f", StringComparison.Ordinal)
            ? (type, [.. Enumerable.Range(1, 7).Select(d => DotNetFormat(strftime, d)!), DotNetFormat(strftime.Replace(".%f", string.Empty, StringComparison.Ordinal), 6)!])
            : (type, [DotNetFormat(strftime, 6)!]);
    }

    /// <summary>
    /// Reads text in any layout <see cref="LayoutOf"/> finds as <paramref name="type"/> (Date, DateTime or
    /// DateTimeWithTimeZone): a value given back by the clone's own rows, whose layout the caller does not know.
    /// </summary>
    public static bool TryParseAny(string text, LogicalType type, out object value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = text;
        var layout = LayoutOf(text);
        if (layout is null || !TryParse(text, layout, out var parsed)) return false;
        value = (parsed, type) switch
        {
            (DateOnly day, LogicalType.Date) => day,
            (DateOnly day, LogicalType.DateTime) => day.ToDateTime(TimeOnly.MinValue),
            (DateOnly day, _) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            (DateTime time, LogicalType.Date) => DateOnly.FromDateTime(time),
            (DateTime time, LogicalType.DateTime) => time,
            (DateTime time, _) => new DateTimeOffset(time, TimeSpan.Zero),
            (DateTimeOffset instant, LogicalType.Date) => DateOnly.FromDateTime(instant.DateTime),
            (DateTimeOffset instant, LogicalType.DateTime) => instant.DateTime,
            _ => parsed,
        };
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(?:(?<sep>[T ])(?<time>\d{2}:\d{2}(?<sec>:\d{2})?(?:\.(?<frac>\d{1,7}))?)(?<zone>Z|[+-]\d{2}:\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();
}
