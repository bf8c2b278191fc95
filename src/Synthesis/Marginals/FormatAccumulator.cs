using Sdv.Connector.Synthesis.Generators;

namespace Sdv.Connector.Synthesis.Marginals;

/// <summary>
/// The written formats of a personal-data column (phone numbers, postal codes, identifiers), never its values: how
/// many values have each mask (<see cref="FormatTemplate"/>), and which positions every value of a mask shares. A
/// format of fewer than k values is not kept (a one-off format can point at one person); positions are written out
/// only where all of a format's values agree and they are k or more different values (a country's calling code, a
/// city's postal prefix): seven invoices of one customer share a postal code, and its prefix is that customer's.
/// </summary>
internal sealed class FormatAccumulator : ValueAccumulator
{
    /// <summary>Most masks followed; values of masks met after that count as formats not kept.</summary>
    private const int MaxMasks = 512;

    /// <summary>Most different values counted per format: enough to tell k of them, whatever k a fit uses.</summary>
    private const int MaxDistinct = 64;

    /// <summary>Most different countries counted per format.</summary>
    private const int MaxCountries = 64;

    private readonly Dictionary<string, Format> _formats = new(StringComparer.Ordinal);

    /// <summary>The row's country column (its index in the row), or -1: each format learns which country writes it.</summary>
    public int CountryColumn { get; init; } = -1;

    /// <summary>Non-null values with no kept-able mask: too long, no digit, or a mask met after <see cref="MaxMasks"/>.</summary>
    public long Unformatted { get; private set; }

    protected override void Add(object value)
    {
        if (value is not string text || FormatTemplate.MaskOf(text) is not { } mask)
        {
            Unformatted++;
        }
        else if (_formats.TryGetValue(mask, out var format))
        {
            format.Add(text);
            format.AddCountry(CountryOfRow());
        }
        else if (_formats.Count < MaxMasks)
        {
            _formats[mask] = format = new Format(text);
            format.AddCountry(CountryOfRow());
        }
        else
        {
            Unformatted++;
        }
    }

    private string? CountryOfRow() => CountryColumn >= 0 && CountryColumn < Row.Length && Row[CountryColumn] is string country ? country : null;

    /// <summary>
    /// The templates of the formats at least <paramref name="k"/> values have, most common first, with their counts and
    /// the countries that write each (at least k of its values each, where <see cref="CountryColumn"/> is known; a rare
    /// country is never named); empty where they cover under a tenth of the values (free-form entries keep their generator).
    /// </summary>
    public (string[] Templates, long[] Counts, string[][] Countries) Finish(int k)
    {
        var kept = _formats.Values.Where(f => f.Count >= k).OrderByDescending(static f => f.Count).ThenBy(static f => f.First, StringComparer.Ordinal).ToList();
        if (kept.Sum(static f => f.Count) * 10 < Count) return ([], [], []);
        // At least half of the letters and digits (up to four) are always drawn: the shared positions are prefixes.
        return ([.. kept.Select(f => FormatTemplate.TemplateOf(f.First, f.Distinct >= k ? f.Constant : new bool[f.First.Length], Math.Clamp(f.First.Count(char.IsAsciiLetterOrDigit) / 2, 1, 4)))],
            [.. kept.Select(static f => f.Count)], [.. kept.Select(f => f.CountriesOf(k))]);
    }

    /// <summary>The mask a reservoir keeps for a value of this column (its format, not the value), or null for NULL.</summary>
    public static object? KeepAs(object? value) =>
        value is null or DBNull ? null : value is string text && FormatTemplate.MaskOf(text) is { } mask ? string.Intern(mask) : Sampling.NotNull.Value;

    private sealed class Format(string first)
    {
        private readonly HashSet<string> _distinct = new(StringComparer.Ordinal) { first };

        public string First { get; } = first;

        /// <summary>Different values seen, up to <see cref="MaxDistinct"/>.</summary>
        public int Distinct => _distinct.Count;

        public bool[] Constant { get; } = Enumerable.Repeat(true, first.Length).ToArray();

        public long Count { get; private set; } = 1;

        private readonly Dictionary<string, long> _countries = new(StringComparer.Ordinal);

        public void AddCountry(string? country)
        {
            if (country is null || (_countries.Count >= MaxCountries && !_countries.ContainsKey(country))) return;
            _countries[country] = _countries.GetValueOrDefault(country) + 1;
        }

        /// <summary>The countries at least k of the format's values are written in, in order (a rare country is never named).</summary>
        public string[] CountriesOf(int k) =>
            [.. _countries.Where(p => p.Value >= Math.Max(k, 2)).Select(static p => p.Key).Order(StringComparer.Ordinal)];

        public void Add(string value)
        {
            Count++;
            if (_distinct.Count < MaxDistinct) _distinct.Add(value);
            for (var i = 0; i < Constant.Length; i++) Constant[i] &= value[i] == First[i];
        }
    }
}
