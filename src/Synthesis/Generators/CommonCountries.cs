using Bogus;

namespace Sdv.Connector.Synthesis.Generators;

/// <summary>
/// Countries as business data holds them. Bogus draws from every country alike, so a generated supplier or customer is
/// as likely in Kiribati as in Germany, and a clone reads like a quiz. This draws the countries that trade most,
/// weighted roughly by the size of their economies (a public prior, nothing learned from a source), in English; other
/// locales keep Bogus' own list, in their language.
/// </summary>
internal static class CommonCountries
{
    // Weights: approximate shares of world output, rounded (a prior for what a database's countries look like).
    private static readonly (string Name, double Weight)[] Countries =
    [
        ("United States", 25), ("China", 17), ("Germany", 4.5), ("Japan", 4.2), ("India", 3.5), ("United Kingdom", 3.3),
        ("France", 3.0), ("Italy", 2.2), ("Brazil", 2.1), ("Canada", 2.1), ("Russia", 1.9), ("Mexico", 1.7), ("Australia", 1.7),
        ("South Korea", 1.7), ("Spain", 1.5), ("Indonesia", 1.3), ("Netherlands", 1.1), ("Turkey", 1.1), ("Saudi Arabia", 1.0),
        ("Switzerland", 0.9), ("Poland", 0.8), ("Taiwan", 0.8), ("Belgium", 0.6), ("Argentina", 0.6), ("Sweden", 0.6),
        ("Ireland", 0.5), ("Austria", 0.5), ("Thailand", 0.5), ("Norway", 0.5), ("Israel", 0.5), ("Singapore", 0.5),
        ("United Arab Emirates", 0.5), ("Philippines", 0.4), ("Vietnam", 0.4), ("Denmark", 0.4), ("Malaysia", 0.4),
        ("South Africa", 0.4), ("Colombia", 0.35), ("Chile", 0.3), ("Finland", 0.3), ("Portugal", 0.3), ("Czech Republic", 0.3),
        ("New Zealand", 0.25), ("Greece", 0.2), ("Hungary", 0.2),
    ];

    // Drawn by the square root of the share: by the share itself, two in five customers were in the United States or
    // China, and a clone's suppliers read like a list of the two; business data spreads over more countries.
    private static readonly double[] Cumulative = Countries.Select(static c => Math.Sqrt(c.Weight)).Aggregate(new List<double>(), (list, w) =>
    {
        list.Add((list.Count == 0 ? 0 : list[^1]) + w);
        return list;
    }).ToArray();

    // Other ways business data writes the same countries: a column that writes "USA" must not get "United States" beside it.
    private static readonly (string Alias, string Name)[] Aliases =
    [
        ("USA", "United States"), ("US", "United States"), ("U.S.A.", "United States"), ("U.S.", "United States"),
        ("United States of America", "United States"), ("America", "United States"), ("UK", "United Kingdom"), ("U.K.", "United Kingdom"),
        ("Great Britain", "United Kingdom"), ("Britain", "United Kingdom"), ("England", "United Kingdom"), ("Czechia", "Czech Republic"),
        ("Korea", "South Korea"), ("Republic of Korea", "South Korea"), ("Korea, Republic of", "South Korea"), ("Russian Federation", "Russia"),
        ("The Netherlands", "Netherlands"), ("Holland", "Netherlands"), ("UAE", "United Arab Emirates"), ("Viet Nam", "Vietnam"),
        ("Türkiye", "Turkey"), ("Deutschland", "Germany"), ("Brasil", "Brazil"), ("España", "Spain"), ("Italia", "Italy"),
        ("Österreich", "Austria"), ("Schweiz", "Switzerland"), ("Suisse", "Switzerland"), ("Sverige", "Sweden"), ("Norge", "Norway"),
        ("Danmark", "Denmark"), ("Suomi", "Finland"), ("Polska", "Poland"), ("Belgique", "Belgium"), ("België", "Belgium"),
        ("Éire", "Ireland"), ("Nederland", "Netherlands"), ("México", "Mexico"), ("Venezuela", "Venezuela"), ("Peru", "Peru"),
        ("Luxembourg", "Luxembourg"), ("Iceland", "Iceland"), ("Egypt", "Egypt"), ("Nigeria", "Nigeria"), ("Pakistan", "Pakistan"),
        ("Bangladesh", "Bangladesh"), ("Ukraine", "Ukraine"), ("Romania", "Romania"), ("Croatia", "Croatia"), ("Slovakia", "Slovakia"),
        ("Slovenia", "Slovenia"), ("Bulgaria", "Bulgaria"), ("Serbia", "Serbia"), ("Estonia", "Estonia"), ("Latvia", "Latvia"),
        ("Lithuania", "Lithuania"), ("Uruguay", "Uruguay"), ("Ecuador", "Ecuador"), ("Morocco", "Morocco"), ("Kenya", "Kenya"),
    ];

    private static readonly Dictionary<string, string> ByName = Countries.Select(static c => (c.Name, c.Name)).Concat(Aliases)
        .ToDictionary(static p => p.Item1, static p => p.Item2, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The country <paramref name="name"/> names, in the prior's English ("USA" is "United States"), or null for a value
    /// that is not a country name business data commonly writes.
    /// </summary>
    public static string? Canonical(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ByName.TryGetValue(name.Trim(), out var canonical) ? canonical : null;
    }

    /// <summary>
    /// How a column writes the countries it names another way ("USA" for "United States"), from its values; only
    /// names of the public list are kept, never a value of the column that is not one.
    /// </summary>
    public static Dictionary<string, string> SpellingsOf(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var spellings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values.Order(StringComparer.Ordinal))
        {
            var trimmed = value.Trim();
            if (Canonical(trimmed) is { } name && !string.Equals(name, trimmed, StringComparison.Ordinal)) spellings.TryAdd(name, trimmed);
        }

        return spellings;
    }

    /// <summary>A country of the prior, or Bogus' own in a locale other than English.</summary>
    public static string Next(Faker faker)
    {
        ArgumentNullException.ThrowIfNull(faker);
        if (!faker.Locale.StartsWith("en", StringComparison.Ordinal)) return faker.Address.Country();
        var u = faker.Random.Double() * Cumulative[^1];
        var index = Array.BinarySearch(Cumulative, u);
        return Countries[index < 0 ? Math.Min(~index, Countries.Length - 1) : index].Name;
    }
}
