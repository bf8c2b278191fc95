using Bogus;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Generators;

/// <summary>
/// Stand-ins for a string column whose own words are all too rare to learn (a handful of employee
/// titles, product names each seen once): a Bogus generator chosen by what the column's name says
/// it holds, in the model's locale, so that a job title still reads like a job title. Nothing is
/// learned from the column's values.
/// </summary>
internal static class NameFallback
{
    /// <summary>What kind of value a column holds, judged from its table's and its own name.</summary>
    public static string HintOf(string table, string column)
    {
        var c = column.ToLowerInvariant();
        var t = table.ToLowerInvariant();
        bool Has(string s, string part) => s.Contains(part, StringComparison.Ordinal);
        // Before job titles: an employee's title_of_courtesy is "Ms.", not "Dynamic Functionality".
        if (Has(c, "courtesy") || Has(c, "salutation") || Has(c, "honorific") || c is "prefix") return "prefix";
        if (Has(c, "title") && (Has(c, "contact") || Has(t, "employee") || Has(t, "staff") || Has(t, "person") || Has(t, "contact") || Has(t, "user"))
            || Has(c, "job") || Has(c, "position") || Has(c, "occupation") || Has(c, "role"))
        {
            return "job";
        }

        if (Has(c, "department") || Has(c, "dept")) return "department";
        if (Has(c, "country") || Has(c, "nation")) return "country";
        if (Has(c, "region") || Has(c, "state") || Has(c, "province") || Has(c, "county")) return "state";
        if (Has(c, "city") || Has(c, "town")) return "city";
        if (Has(c, "currency")) return "currency";
        if (Has(c, "color") || Has(c, "colour")) return "color";
        if (Has(c, "genre")) return "genre";
        if (Has(c, "categor")) return "category";
        if (Has(c, "description") || Has(c, "note") || Has(c, "comment") || Has(c, "remark") || Has(c, "text") || Has(c, "body") || Has(c, "message")) return "sentence";
        if (Has(c, "product") || Has(t, "product") || Has(t, "item") || Has(c, "item")) return "product";
        if (Has(c, "company") || Has(c, "vendor") || Has(c, "supplier") || Has(c, "brand")) return "company";
        if (Has(c, "unit") || Has(c, "quantity")) return "unit";
        return "words";
    }

    /// <summary>
    /// The hint for codes of a kind that has them (state → "state-code": "OR", "NSW"; country → "country-code": "DE"), where
    /// most of the rare values are 2-3 characters long; null otherwise.
    /// </summary>
    public static string? CodeHint(string? hint, Marginals.ShapeProfile shape)
    {
        if (hint is not ("state" or "country") || shape.Total == 0) return null;
        long shortValues = 0;
        for (var length = 2; length <= 3 && length < shape.LengthCounts.Length; length++) shortValues += shape.LengthCounts[length];
        return shortValues >= 0.6 * shape.Total ? hint + "-code" : null;
    }

    /// <summary>
    /// Hints whose values come from a vocabulary (a job title, a country): drawn again when too long for the column,
    /// never cut, since half of "Korea, Republic of" or of "Chief Directives Officer" reads as a broken value.
    /// </summary>
    public static bool IsVocabulary(string? hint) => hint is "job" or "department" or "prefix" or "country" or "state" or "state-code"
        or "country-code" or "city" or "place" or "currency" or "color" or "genre" or "category";

    private static readonly HashSet<string> Prefixes = new(["Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Prof.", "Mr", "Mrs", "Ms", "Dr", "Prof"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The states of the United States and DC, by name and by postal code: the list the "state" generator draws from in English.</summary>
    /// <summary>US states and their postal abbreviations, in pairs.</summary>
    private static readonly string[] UsStatePairs =
    [
        "Alabama", "AL", "Alaska", "AK", "Arizona", "AZ", "Arkansas", "AR", "California", "CA", "Colorado", "CO", "Connecticut", "CT",
        "Delaware", "DE", "District of Columbia", "DC", "Florida", "FL", "Georgia", "GA", "Hawaii", "HI", "Idaho", "ID", "Illinois", "IL",
        "Indiana", "IN", "Iowa", "IA", "Kansas", "KS", "Kentucky", "KY", "Louisiana", "LA", "Maine", "ME", "Maryland", "MD",
        "Massachusetts", "MA", "Michigan", "MI", "Minnesota", "MN", "Mississippi", "MS", "Missouri", "MO", "Montana", "MT",
        "Nebraska", "NE", "Nevada", "NV", "New Hampshire", "NH", "New Jersey", "NJ", "New Mexico", "NM", "New York", "NY",
        "North Carolina", "NC", "North Dakota", "ND", "Ohio", "OH", "Oklahoma", "OK", "Oregon", "OR", "Pennsylvania", "PA",
        "Rhode Island", "RI", "South Carolina", "SC", "South Dakota", "SD", "Tennessee", "TN", "Texas", "TX", "Utah", "UT",
        "Vermont", "VT", "Virginia", "VA", "Washington", "WA", "West Virginia", "WV", "Wisconsin", "WI", "Wyoming", "WY",
    ];

    private static readonly HashSet<string> UsStates = new(UsStatePairs, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, string> UsStateAbbreviations = Enumerable.Range(0, UsStatePairs.Length / 2)
        .ToDictionary(i => UsStatePairs[2 * i], i => UsStatePairs[(2 * i) + 1], StringComparer.OrdinalIgnoreCase);

    /// <summary>The US states and DC as (postal code, name) pairs.</summary>
    public static IEnumerable<(string Code, string Name)> UsStatesByCode() => UsStateAbbreviations.Select(static p => (p.Value, p.Key));

    /// <summary>The postal abbreviation of a US state's name ("Oregon" → "OR"), or null.</summary>
    public static string? UsStateAbbreviation(string name) => UsStateAbbreviations.GetValueOrDefault(name.Trim());

    /// <summary>True for a US state's postal abbreviation ("OR").</summary>
    public static bool IsUsStateAbbreviation(string value) => value.Trim().Length == 2 && UsStates.Contains(value.Trim());

    /// <summary>
    /// Whether <paramref name="value"/> belongs to the public list the generator of <paramref name="hint"/> draws from
    /// whatever the source holds (a country, a courtesy title, a US state): such a value in a clone is chance, not a rare value
    /// reproduced.
    /// </summary>
    public static bool IsPublicListValue(string? hint, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return hint switch
        {
            "country" => CommonCountries.Canonical(value) is not null,
            "prefix" => Prefixes.Contains(value.Trim()),
            "state" or "state-code" => UsStates.Contains(value.Trim()),
            _ => false,
        };
    }

    public static string Generate(string hint, Faker f, Xoshiro256 random, int? maxLength, int? targetLength)
    {
        var text = Draw(hint, f, random, targetLength);
        if (IsVocabulary(hint))
        {
            for (var attempt = 0; attempt < 10 && maxLength is { } fits && text.Length > fits; attempt++) text = Draw(hint, f, random, targetLength);
        }
        else if (targetLength is { } target && text.Length > target && hint != "sentence")
        {
            text = CutAtWord(text, Math.Max(1, target));
        }
        if (maxLength is { } max && text.Length > max) text = CutAtWord(text, max);
        return text;
    }

    private static string Draw(string hint, Faker f, Xoshiro256 random, int? targetLength) => hint switch
    {
        "job" => CommonJobTitles.Next(f),
        "department" => f.Commerce.Department(1),
        "prefix" => f.Name.Prefix(),
        "country" => CommonCountries.Next(f),
        "state" => f.Address.State(),
        "state-code" => f.Address.StateAbbr(),
        "country-code" => f.Address.CountryCode(),
        // A real city of the locale's country where the list has one: Bogus composes made-up ones ("Destineeburgh").
        "city" or "place" => CommonCities.OfLocale(f.Locale, random) ?? f.Address.City(),
        "currency" => f.Finance.Currency().Code,
        "color" => f.Commerce.Color(),
        "genre" => f.Music.Genre(),
        "category" => f.Commerce.Categories(1)[0],
        // Bogus' names put random parts together ("Refined Steel Pizza"); English ones come from a list of real products.
        "product" => f.Locale.StartsWith("en", StringComparison.Ordinal) ? CommonProducts.Next(random, null) : f.Commerce.ProductName(),
        "company" => f.Company.CompanyName(),
        "unit" => $"{1 + random.NextInt(24)} x {f.Commerce.ProductMaterial().ToLowerInvariant()} {(random.NextBool() ? "boxes" : "packs")}",
        "sentence" => Sentences(random, targetLength ?? 60),
        _ => string.Join(' ', f.Random.WordsArray(1 + random.NextInt(3))),
    };

    /// <summary>
    /// Whole sentences of notes to about <paramref name="length"/> characters (a note that stops mid-sentence looks cut off); a
    /// first sentence far longer than a short value is cut at a word.
    /// </summary>
    private static string Sentences(Xoshiro256 random, int length)
    {
        var text = CommonNotes.Next(random, length);
        return text.Length > length * 1.5 ? CutAtWord(text, Math.Max(1, length)) : text;
    }

    private static string CutAtWord(string text, int length)
    {
        if (text.Length <= length) return text;
        var cut = text.LastIndexOf(' ', Math.Min(length, text.Length - 1));
        return (cut > 0 ? text[..cut] : text[..length]).TrimEnd();
    }
}
