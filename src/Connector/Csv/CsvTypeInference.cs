using System.Globalization;
using System.Text.RegularExpressions;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Csv;

/// <summary>
/// Infers one column's type from the values it is shown (a bounded sample; NULLs are ignored). A type
/// is kept only if every value conforms to it, from the narrowest: boolean (true/false, any case),
/// integer (64-bit), decimal (a point, no exponent;
/// precision and scale are the widest seen, up to 28 digits), double (an exponent, or too many digits
/// for a decimal), date (yyyy-MM-dd), timestamp (yyyy-MM-dd then T or a space and hh:mm[:ss[.f]]; a date
/// alone fits too) and timestamp with time zone (the same ending in Z or ±hh:mm). Anything else, or a
/// mixture (numbers and words, zoned and unzoned times), and numbers with a
/// leading zero (codes such as 007, whose zeros a number would lose), are text with the longest length seen.
/// </summary>
internal sealed partial class CsvTypeInference
{
    private const int MaxDecimalDigits = 28;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private bool _boolean = true;
    private bool _integer = true;
    private bool _decimal = true;
    private bool _double = true;
    private bool _date = true;
    private bool _timestamp = true;
    private bool _timestampTz = true;
    private int _integerDigits;
    private int _scale;
    private int _maxLength;
    private long _values;

    /// <summary>Non-null values seen.</summary>
    public long Values => _values;

    public void Observe(string? value)
    {
        if (value is null) return;
        _values++;
        _maxLength = Math.Max(_maxLength, value.Length);
        if (_boolean) _boolean = IsBoolean(value);
        var number = _integer || _decimal || _double;
        if (number)
        {
            var m = NumberPattern().Match(value);
            // A leading zero (007, 0042) marks a code, not a number: reading it as one would lose the zeros.
            if (!m.Success || (m.Groups["int"].Value.Length > 1 && m.Groups["int"].Value[0] == '0'))
            {
                _integer = _decimal = _double = false;
            }
            else
            {
                var whole = m.Groups["int"].Value.TrimStart('0');
                var fraction = m.Groups["frac"].Success ? m.Groups["frac"].Value : string.Empty;
                var exponent = m.Groups["exp"].Success;
                if (_integer && (exponent || m.Groups["point"].Success || !long.TryParse(value, NumberStyles.AllowLeadingSign, Inv, out _))) _integer = false;
                if (_decimal)
                {
                    if (exponent || m.Groups["int"].Value.Length == 0 && fraction.Length == 0)
                    {
                        _decimal = false;
                    }
                    else
                    {
                        _integerDigits = Math.Max(_integerDigits, Math.Max(whole.Length, 1));
                        _scale = Math.Max(_scale, fraction.Length);
                        if (_integerDigits + _scale > MaxDecimalDigits) _decimal = false;
                    }
                }
                if (_double && !double.TryParse(value, NumberStyles.Float, Inv, out _)) _double = false;
            }
        }
        if (_date || _timestamp || _timestampTz)
        {
            var isDate = DatePattern().IsMatch(value) && DateOnly.TryParseExact(value, "yyyy-MM-dd", Inv, DateTimeStyles.None, out _);
            var timestamp = !isDate && TimestampPattern().Match(value) is { Success: true } t ? t : null;
            var zoned = timestamp is not null && timestamp.Groups["zone"].Success;
            var parses = timestamp is not null && (zoned
                ? DateTimeOffset.TryParse(value, Inv, DateTimeStyles.None, out _)
                : DateTime.TryParse(value, Inv, DateTimeStyles.None, out _));
            if (_date && !isDate) _date = false;
            if (_timestamp && !(isDate || (parses && !zoned))) _timestamp = false;
            if (_timestampTz && !(parses && zoned)) _timestampTz = false;
        }
    }

    /// <summary>The type that fits every value seen; text (unbounded) for a column with no value at all.</summary>
    public CsvColumnType Result()
    {
        if (_values == 0) return new CsvColumnType(LogicalType.Text);
        if (_boolean) return new CsvColumnType(LogicalType.Boolean);
        if (_integer) return new CsvColumnType(LogicalType.Int64);
        if (_decimal) return new CsvColumnType(LogicalType.Decimal, _integerDigits + _scale, _scale);
        if (_double) return new CsvColumnType(LogicalType.Float64);
        if (_date) return new CsvColumnType(LogicalType.Date);
        if (_timestamp) return new CsvColumnType(LogicalType.DateTime);
        if (_timestampTz) return new CsvColumnType(LogicalType.DateTimeWithTimeZone);
        return new CsvColumnType(LogicalType.String, MaxLength: Math.Max(_maxLength, 1));
    }

    /// <summary>Parses a value of a column of <paramref name="type"/> into its canonical value; false when it does not conform.</summary>
    public static bool TryParse(string text, LogicalType type, out object? value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = null;
        switch (type)
        {
            case LogicalType.Boolean:
                if (IsBoolean(text)) value = text.Equals("true", StringComparison.OrdinalIgnoreCase);
                break;
            case LogicalType.Int64:
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, Inv, out var l)) value = l;
                break;
            case LogicalType.Decimal:
                if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Inv, out var m)) value = m;
                break;
            case LogicalType.Float64:
                if (double.TryParse(text, NumberStyles.Float, Inv, out var d)) value = d;
                break;
            case LogicalType.Date:
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var date)) value = date;
                break;
            case LogicalType.DateTime:
                if ((DatePattern().IsMatch(text) || TimestampPattern().Match(text) is { Success: true } t && !t.Groups["zone"].Success)
                    && DateTime.TryParse(text, Inv, DateTimeStyles.None, out var dt))
                {
                    value = DateTime.SpecifyKind(dt, DateTimeKind.Unspecified);
                }

                break;
            case LogicalType.DateTimeWithTimeZone:
                if (TimestampPattern().Match(text) is { Success: true } z && z.Groups["zone"].Success
                    && DateTimeOffset.TryParse(text, Inv, DateTimeStyles.None, out var dto))
                {
                    value = dto.ToUniversalTime();
                }

                break;
            default:
                value = text;
                break;
        }
        return value is not null;
    }

    private static bool IsBoolean(string value) =>
        value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^[+-]?(?<int>[0-9]*)(?<point>\.(?<frac>[0-9]*))?(?<exp>[eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(?<zone>Z|[+-][0-9]{2}(:?[0-9]{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();
}
