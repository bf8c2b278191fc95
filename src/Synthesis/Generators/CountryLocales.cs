using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Models;

namespace Sdv.Connector.Synthesis.Generators;

/// <summary>
/// Addresses and names that follow their row's country: a customer in Brazil gets a Brazilian city, state and name
/// ("Nova Xavier, SP"), not "South Brookeport, NJ". Maps a country (as <see cref="CommonCountries.Canonical"/> names
/// it) to the Bogus locale that writes its places and people. Only locales written in the Latin alphabet: a database
/// that writes "Moscow" and "Tokyo" in English does not hold its Russian and Japanese customers' cities in Cyrillic
/// or kana, so those countries keep the model's locale.
/// </summary>
internal static class CountryLocales
{
    private static readonly Dictionary<string, string> ByCountry = new(StringComparer.Ordinal)
    {
        ["United States"] = "en_US", ["Germany"] = "de", ["United Kingdom"] = "en_GB", ["France"] = "fr", ["Italy"] = "it",
        ["Brazil"] = "pt_BR", ["Canada"] = "en_CA", ["Mexico"] = "es_MX", ["Australia"] = "en_AU", ["Spain"] = "es",
        ["Indonesia"] = "id_ID", ["Netherlands"] = "nl", ["Turkey"] = "tr", ["Switzerland"] = "de_CH", ["Poland"] = "pl",
        ["Belgium"] = "nl_BE", ["Argentina"] = "es", ["Sweden"] = "sv", ["Ireland"] = "en_IE", ["Austria"] = "de_AT",
        ["Norway"] = "nb_NO", ["South Africa"] = "en_ZA", ["Colombia"] = "es", ["Chile"] = "es", ["Finland"] = "fi",
        ["Portugal"] = "pt_PT", ["Czech Republic"] = "cz", ["India"] = "en_IND", ["New Zealand"] = "en_AU",
    };

    // The country a locale writes: where several countries share one locale (Spanish, Australian English), the one it
    // was made for; English alone is the United States', as Bogus' "en" writes US states and ZIP codes.
    private static readonly Dictionary<string, string> ByLocale = ByCountry
        .GroupBy(static p => p.Value, StringComparer.Ordinal)
        .Where(static g => g.Count() == 1)
        .Select(static g => g.Single())
        .Select(static p => (Locale: p.Value, Country: p.Key))
        .Concat<(string Locale, string Country)>([("en", "United States"), ("es", "Spain"), ("en_AU", "Australia"), ("fr_CH", "Switzerland"), ("fr_CA", "Canada")])
        .ToDictionary(static p => p.Locale, static p => p.Country, StringComparer.Ordinal);

    /// <summary>The country whose places <paramref name="locale"/> writes ("de": Germany, "en": United States), or null.</summary>
    public static string? CountryOf(string locale) => ByLocale.GetValueOrDefault(locale);

    /// <summary>The Bogus locale of the country <paramref name="country"/> names (any spelling <see cref="CommonCountries"/> knows), or null.</summary>
    public static string? Of(object? country) =>
        country is string name && CommonCountries.Canonical(name) is { } canonical && ByCountry.TryGetValue(canonical, out var locale) ? locale : null;

    /// <summary>
    /// Whether the column writes what a country decides: people's names and parts of addresses generated anew (not the
    /// column's own kept values, and not the formats it learned per country, such as phone numbers and postal codes).
    /// </summary>
    public static bool FollowsCountry(ColumnModel column) => column switch
    {
        PiiColumnModel pii => pii.PiiKind is PiiKind.PersonName or PiiKind.SortName or PiiKind.FirstName or PiiKind.LastName or PiiKind.StreetAddress or PiiKind.StreetName
            or PiiKind.SecondaryAddress or PiiKind.BuildingNumber or PiiKind.City or PiiKind.State or PiiKind.StateAbbreviation
            || PiiColumnModel.HasFormats(pii.PiiKind),
        CategoricalColumnModel categorical => categorical.OtherHint is "city" or "state" or "state-code" or "place",
        _ => false,
    };
}
