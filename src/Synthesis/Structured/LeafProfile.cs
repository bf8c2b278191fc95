using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Structured;

/// <summary>
/// The scalar values at one place of a structure (a JSON path, an array's elements, an XML
/// element's text): how often each kind comes (null, false, true, number, date, text), numbers and
/// ISO dates as smooth distributions (a date keeps the format it was written in), text as a
/// <see cref="StringPool"/>. Learning and generating; only statistics are kept.
/// </summary>
internal sealed partial class LeafProfile
{
    private NumberSketch? _numbers;
    private NumberSketch? _dates;
    private BoundedCounts? _dateFormats;

    public long Nulls { get; set; }

    public long Falses { get; set; }

    public long Trues { get; set; }

    public long NumberCount { get; set; }

    public long DateCount { get; set; }

    public long TextCount { get; set; }

    public NumberDistribution? Numbers { get; set; }

    /// <summary>Dates and timestamps as seconds since 0001-01-01 (wall time).</summary>
    public NumberDistribution? Dates { get; set; }

    /// <summary>How dates are written: the separator ("" for a date alone, "T" or " "), fraction digits and suffix, as "sep|digits|suffix".</summary>
    public string DateFormat { get; set; } = "|0|";

    public StringPool? Texts { get; set; }

    [JsonIgnore]
    public long Total => Nulls + Falses + Trues + NumberCount + DateCount + TextCount;

    public void AddNull() => Nulls++;

    public void AddBoolean(bool value)
    {
        if (value) Trues++;
        else Falses++;
    }

    public void AddNumber(double value, string text, Xoshiro256 random)
    {
        NumberCount++;
        (_numbers ??= new NumberSketch(random)).Add(value, text);
    }

    /// <summary>A string: an ISO date or timestamp is learned as a date, anything else as text.</summary>
    public void AddString(string value, Xoshiro256 random)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length is >= 10 and <= 40 && IsoDate().Match(value) is { Success: true } m
            && DateTime.TryParse(m.Groups[1].Value + (m.Groups[3].Success ? " " + m.Groups[3].Value + m.Groups[4].Value : ""), CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            DateCount++;
            (_dates ??= new NumberSketch(random)).Add(date.Ticks / (double)TimeSpan.TicksPerSecond);
            var digits = m.Groups[4].Success ? m.Groups[4].Value.Length - 1 : 0;
            var separator = m.Groups[2].Success ? m.Groups[2].Value : "";
            var seconds = m.Groups[3].Success && m.Groups[3].Value.Length == 5 ? "m" : "";
            (_dateFormats ??= new BoundedCounts(16)).Add(string.Create(CultureInfo.InvariantCulture, $"{separator}{seconds}|{digits}|{m.Groups[5].Value}"));
            return;
        }
        TextCount++;
        (Texts ??= new StringPool()).Add(value, random);
    }

    /// <param name="k">Texts seen fewer than k times are never written back (1 for the labels of an enum).</param>
    public void Finish(int k)
    {
        Numbers = _numbers?.Finish();
        Dates = _dates?.Finish();
        if (_dateFormats is not null && _dateFormats.AtLeast(1) is { Count: > 0 } formats) DateFormat = formats[0].Value;
        Texts?.Finish(k);
        (_numbers, _dates, _dateFormats) = (null, null, null);
    }

    /// <summary>A scalar as a JSON node value: null, bool, number (long or double) or string.</summary>
    public object? Sample(Xoshiro256 random, int? maxLength, bool allowNull = true)
    {
        ArgumentNullException.ThrowIfNull(random);
        var pick = Draw.Index([allowNull ? Nulls : 0, Falses, Trues, NumberCount, DateCount, TextCount], random);
        switch (pick)
        {
            case 1: return false;
            case 2: return true;
            case 3 when Numbers is not null:
                var number = Numbers.Sample(random);
                return Numbers.Integer && Math.Abs(number) < 9e15 ? (object)(long)number : number;
            case 4 when Dates is not null: return FormatDate(Dates.Sample(random));
            case 5 when Texts is not null: return Texts.Sample(random, maxLength);
            default: return null;
        }
    }

    private string FormatDate(double seconds)
    {
        var ticks = (long)Math.Clamp(seconds * TimeSpan.TicksPerSecond, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);
        var date = new DateTime(ticks, DateTimeKind.Unspecified);
        var parts = DateFormat.Split('|');
        var separator = parts[0].TrimEnd('m');
        if (separator.Length == 0) return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var digits = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var time = parts[0].EndsWith('m') ? "HH:mm" : "HH:mm:ss";
        var fraction = digits > 0 ? "." + new string('f', Math.Min(digits, 7)) : "";
        return date.ToString($"yyyy-MM-dd'{separator}'{time}{fraction}", CultureInfo.InvariantCulture) + parts[2];
    }

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})(?:([T ])(\d{2}:\d{2}(?::\d{2})?)(\.\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?$")]
    private static partial Regex IsoDate();
}
