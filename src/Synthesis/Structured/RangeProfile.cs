using System.Globalization;
using System.Text;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Structured;

/// <summary>
/// PostgreSQL ranges and multiranges (int4range, numrange, daterange, tsrange, tstzrange, ...): the
/// share of empty and unbounded ranges, the bound styles ([) and the like), the distribution of lower
/// bounds and of widths (and, for multiranges, of the number of ranges and the gaps between them), in
/// the element's units: the number itself, days for dates, seconds for timestamps.
/// </summary>
internal sealed class RangeProfile
{
    private NumberSketch? _lowers;
    private NumberSketch? _widths;
    private NumberSketch? _gaps;
    private NumberSketch? _counts;
    private BoundedCounts? _styles;

    /// <summary>integer, numeric, date, timestamp or timestamptz.</summary>
    public string Element { get; set; } = "numeric";

    public bool IsMulti { get; set; }

    public long Empty { get; set; }

    public long LowerUnbounded { get; set; }

    public long UpperUnbounded { get; set; }

    public long Ranges { get; set; }

    public List<string> Styles { get; set; } = [];

    public List<long> StyleCounts { get; set; } = [];

    public NumberDistribution? Lowers { get; set; }

    public NumberDistribution? Widths { get; set; }

    public NumberDistribution? Gaps { get; set; }

    public NumberDistribution? Counts { get; set; }

    /// <summary>The element kind of a range type by its name.</summary>
    public static string ElementOf(string nativeType)
    {
        ArgumentNullException.ThrowIfNull(nativeType);
        var name = StructuredKinds.BaseName(nativeType);
        return name.StartsWith("int", StringComparison.Ordinal) ? "integer"
            : name.StartsWith("date", StringComparison.Ordinal) ? "date"
            : name.StartsWith("tstz", StringComparison.Ordinal) ? "timestamptz"
            : name.StartsWith("ts", StringComparison.Ordinal) ? "timestamp"
            : "numeric";
    }

    public void Add(string text, Xoshiro256 random)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        var ranges = new List<string>();
        if (t.StartsWith('{'))
        {
            IsMulti = true;
            var depth = 0;
            var start = 1;
            for (var i = 1; i < t.Length - 1; i++)
            {
                if (t[i] is '[' or '(' && depth++ == 0) start = i;
                else if (t[i] is ']' or ')' && --depth == 0) ranges.Add(t[start..(i + 1)]);
            }
            (_counts ??= new NumberSketch(random)).Add(ranges.Count);
            if (ranges.Count == 0) Empty++;
        }
        else
        {
            ranges.Add(t);
        }
        double? previousUpper = null;
        foreach (var range in ranges)
        {
            if (range.Equals("empty", StringComparison.OrdinalIgnoreCase))
            {
                Empty++;
                continue;
            }
            if (range.Length < 3) continue;
            Ranges++;
            (_styles ??= new BoundedCounts(8)).Add($"{range[0]}{range[^1]}");
            var comma = SplitPoint(range);
            if (comma < 0) continue;
            var lower = Units(range[1..comma]);
            var upper = Units(range[(comma + 1)..^1]);
            if (lower is null) LowerUnbounded++;
            else (_lowers ??= new NumberSketch(random)).Add(lower.Value, range[1..comma]);
            if (upper is null) UpperUnbounded++;
            if (lower is not null && upper is not null) (_widths ??= new NumberSketch(random)).Add(upper.Value - lower.Value, range[(comma + 1)..^1]);
            if (previousUpper is not null && lower is not null) (_gaps ??= new NumberSketch(random)).Add(lower.Value - previousUpper.Value);
            previousUpper = upper;
        }
    }

    public void Finish()
    {
        (Lowers, Widths, Gaps, Counts) = (_lowers?.Finish(), _widths?.Finish(), _gaps?.Finish(), _counts?.Finish());
        if (_styles is not null)
        {
            var styles = _styles.AtLeast(1);
            (Styles, StyleCounts) = (styles.Select(s => s.Value).ToList(), styles.Select(s => s.Count).ToList());
        }
        (_lowers, _widths, _gaps, _counts, _styles) = (null, null, null, null, null);
    }

    public string Sample(Xoshiro256 random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!IsMulti) return Draw.Chance(Empty, Empty + Ranges, random) ? "empty" : One(random, null, out _);
        var count = Math.Max(0, (int)(Counts?.Sample(random) ?? 1));
        var text = new StringBuilder("{");
        double? after = null;
        for (var i = 0; i < count; i++)
        {
            if (i > 0) text.Append(',');
            text.Append(One(random, after, out var upper));
            if (upper is null) break;
            after = upper + Math.Max(Discrete ? 1 : 1e-9, Gaps?.Sample(random) ?? 1);
        }
        return text.Append('}').ToString();
    }

    private bool Discrete => Element is "integer" or "date";

    private string One(Xoshiro256 random, double? after, out double? upper)
    {
        var style = Styles.Count == 0 ? "[)" : Styles[Math.Max(0, Draw.Index(StyleCounts, random))];
        var lowerOpen = after is null && Draw.Chance(LowerUnbounded, Ranges, random);
        var upperOpen = Draw.Chance(UpperUnbounded, Ranges, random);
        var lower = after ?? Lowers?.Sample(random) ?? 0;
        var width = Math.Abs(Widths?.Sample(random) ?? 1);
        if (Discrete) width = Math.Max(Math.Round(width), style == "()" ? 2 : 1);
        else if (width <= 0) width = 1;
        upper = upperOpen ? null : lower + width;
        return $"{(lowerOpen ? '(' : style[0])}{(lowerOpen ? "" : Format(lower, Lowers))},{(upper is { } u ? Format(u, Widths) : "")}{(upperOpen ? ')' : style[1])}";
    }

    private string Format(double value, NumberDistribution? like)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (Element)
        {
            case "integer": return Math.Round(value).ToString("0", inv);
            case "date": return DateOnly.FromDayNumber((int)Math.Clamp(Math.Round(value), 0, DateOnly.MaxValue.DayNumber)).ToString("yyyy-MM-dd", inv);
            case "timestamp" or "timestamptz":
                var ticks = (long)Math.Clamp(Math.Round(value) * TimeSpan.TicksPerSecond, 0, DateTime.MaxValue.Ticks);
                return "\"" + new DateTime(ticks).ToString("yyyy-MM-dd HH:mm:ss", inv) + (Element == "timestamptz" ? "+00" : "") + "\"";
            default: return Math.Round(value, Math.Min(like?.Decimals ?? 6, 15)).ToString("0.###############", inv);
        }
    }

    /// <summary>A bound's value in the element's units, or null for an unbounded side.</summary>
    private double? Units(string bound)
    {
        var b = bound.Trim().Trim('"');
        if (b.Length == 0 || b.EndsWith("infinity", StringComparison.OrdinalIgnoreCase)) return null;
        var inv = CultureInfo.InvariantCulture;
        return Element switch
        {
            "date" => DateOnly.TryParse(b, inv, out var d) ? d.DayNumber : null,
            "timestamp" or "timestamptz" => DateTimeOffset.TryParse(b.Length > 3 && (b[^3] is '+' or '-') ? b + ":00" : b, inv, DateTimeStyles.AssumeUniversal, out var dt)
                ? dt.UtcDateTime.Ticks / (double)TimeSpan.TicksPerSecond : null,
            _ => double.TryParse(b, NumberStyles.Float, inv, out var n) ? n : null,
        };
    }

    /// <summary>The comma between the bounds (outside quotes).</summary>
    private static int SplitPoint(string range)
    {
        var quoted = false;
        for (var i = 1; i < range.Length - 1; i++)
        {
            if (range[i] == '"') quoted = !quoted;
            else if (range[i] == ',' && !quoted) return i;
        }
        return -1;
    }
}
