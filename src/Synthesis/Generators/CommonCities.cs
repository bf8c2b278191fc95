using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Generators;

/// <summary>
/// Real cities by country (<see cref="CityLists"/>). Bogus composes city names from a first name and a suffix
/// ("Destineeburgh", "Schambergerchester"), which a tester laughs at in a clone; this draws larger cities of the row's
/// country, bigger ones more often, each with its region where the country's addresses carry one (Seattle, WA), so
/// that a generated region can agree with its city. A public list, nothing learned from a source.
/// </summary>
internal static class CommonCities
{
    /// <summary>Random draws for a city the caller accepts, before the largest acceptable one is taken in rank order.</summary>
    private const int RandomTries = 16;

    private static readonly Dictionary<string, KnownCity[]> ByCountry = CityLists.Cities.ToDictionary(
        static p => p.Key,
        static p => Parse(p.Value, CityLists.Regions.TryGetValue(p.Key, out var regions) ? ParseRegions(regions) : p.Key == "United States" ? UsStates() : null),
        StringComparer.Ordinal);

    // A city of rank r (from 1) is drawn with weight 1/sqrt(r): by population itself (1/r) one customer in four of a US
    // column lived in New York; by its square root the largest are still the most frequent, and forty cities all appear.
    private static readonly double[] Cumulative = RankWeights(ByCountry.Values.Max(static c => c.Length));

    /// <summary>Whether the list has cities of <paramref name="country"/> (as <see cref="CommonCountries.Canonical"/> names it).</summary>
    public static bool Knows(string country) => ByCountry.ContainsKey(country);

    /// <summary>Whether <paramref name="country"/>'s cities carry a first-level region (its addresses write one).</summary>
    public static bool HasRegions(string country) => ByCountry.TryGetValue(country, out var cities) && cities[0].RegionCode is not null;

    /// <summary>
    /// The country a row's city is of: the row's own where the list knows it (any spelling <see cref="CommonCountries"/>
    /// knows), else the country of <paramref name="locale"/> ("en": the United States); null where neither is listed.
    /// </summary>
    public static string? CountryOf(string? rowCountry, string locale)
    {
        ArgumentNullException.ThrowIfNull(locale);
        if (rowCountry is not null && Listed(rowCountry) is { } named) return named;
        return CountryLocales.CountryOf(locale) is { } ofLocale && ByCountry.ContainsKey(ofLocale) ? ofLocale : null;
    }

    /// <summary>The country <paramref name="name"/> names (any spelling <see cref="CommonCountries"/> knows) where the list has its cities, else null.</summary>
    public static string? Listed(string name) => CommonCountries.Canonical(name) is { } country && ByCountry.ContainsKey(country) ? country : null;

    /// <summary>Whether the list has a city of <paramref name="country"/> in <paramref name="region"/> (its code or its name).</summary>
    public static bool HasRegion(string country, string region) => ByCountry.TryGetValue(country, out var cities) && Array.Exists(cities, c => c.IsIn(region));

    /// <summary>The listed city of <paramref name="country"/> named <paramref name="city"/> (any case), or null.</summary>
    public static KnownCity? Find(string country, string city)
    {
        ArgumentNullException.ThrowIfNull(city);
        if (!ByCountry.TryGetValue(country, out var cities)) return null;
        var trimmed = city.Trim();
        return Array.Find(cities, c => string.Equals(c.Name, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A city of <paramref name="country"/> (of <paramref name="region"/>, written as its code or name, where given) that
    /// <paramref name="accept"/> takes, drawn by rank; after a few refused draws the largest one it takes; null where
    /// it takes none or the list has no such city.
    /// </summary>
    public static KnownCity? Draw(string country, string? region, Xoshiro256 random, Func<KnownCity, bool> accept)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(accept);
        if (!ByCountry.TryGetValue(country, out var cities)) return null;
        var pool = region is null ? cities : Array.FindAll(cities, c => c.IsIn(region));
        if (pool.Length == 0) return null;
        for (var attempt = 0; attempt < RandomTries; attempt++)
        {
            var city = pool[RankIndex(pool.Length, random.NextDouble())];
            if (accept(city)) return city;
        }

        return Array.Find(pool, c => accept(c));
    }

    /// <summary>
    /// A city for the row <paramref name="runtime"/> is drawing: of its country (<see cref="CountryOf"/>), one that
    /// <paramref name="mayWrite"/> allows (it fits the column and is no rare real value of it); where the list has no
    /// such city, Bogus' city of the row's locale.
    /// </summary>
    public static string ForRow(ColumnRuntime runtime, Func<string, bool> mayWrite, int? maxLength)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(mayWrite);
        if (CountryOf(runtime.RowCountry, runtime.RowLocale ?? runtime.Locale) is { } country && Draw(country, null, runtime.Random, c => mayWrite(c.Name)) is { } city)
        {
            return city.Name;
        }

        return (string)PiiGenerator.Generate(SchemaIntrospection.Model.PiiKind.City, runtime.GetFaker(), Transforms.ValueKind.String, maxLength);
    }

    /// <summary>A city of the country <paramref name="locale"/> writes, for a label that names a place; null where none is listed.</summary>
    public static string? OfLocale(string locale, Xoshiro256 random) =>
        CountryOf(null, locale) is { } country ? Draw(country, null, random, static _ => true)?.Name : null;

    private static int RankIndex(int count, double u)
    {
        var target = u * Cumulative[count - 1];
        var index = Array.BinarySearch(Cumulative, 0, count, target);
        return Math.Min(index < 0 ? ~index : index, count - 1);
    }

    private static double[] RankWeights(int count)
    {
        var cumulative = new double[count];
        var running = 0.0;
        for (var rank = 1; rank <= count; rank++)
        {
            running += 1 / Math.Sqrt(rank);
            cumulative[rank - 1] = running;
        }

        return cumulative;
    }

    private static KnownCity[] Parse(string cities, Dictionary<string, string>? regions) =>
    [
        .. cities.Split('|').Select(entry =>
        {
            var slash = entry.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0) return new KnownCity(entry, null, null);
            var code = entry[(slash + 1)..];
            return new KnownCity(entry[..slash], code, regions?.GetValueOrDefault(code)
                ?? throw new InvalidOperationException($"The city list's region {code} ({entry}) has no name in CityLists.Regions."));
        }),
    ];

    private static Dictionary<string, string> ParseRegions(string regions) => regions.Split('|')
        .Select(static r => r.Split('=', 2))
        .ToDictionary(static r => r[0], static r => r[1], StringComparer.Ordinal);

    private static Dictionary<string, string> UsStates() => NameFallback.UsStatesByCode().ToDictionary(static s => s.Code, static s => s.Name, StringComparer.Ordinal);
}
