using Sdv.Connector.Synthesis.Generators;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Generators;

/// <summary>The list of real cities generated cities are drawn from.</summary>
public sealed class CommonCitiesTests
{
    /// <summary>The countries of the customer and supplier tables of the databases the project is tried on, as they spell them.</summary>
    [Theory]
    [InlineData("USA")]
    [InlineData("Canada")]
    [InlineData("Brazil")]
    [InlineData("Mexico")]
    [InlineData("Argentina")]
    [InlineData("Venezuela")]
    [InlineData("UK")]
    [InlineData("United Kingdom")]
    [InlineData("Ireland")]
    [InlineData("France")]
    [InlineData("Germany")]
    [InlineData("Austria")]
    [InlineData("Switzerland")]
    [InlineData("Belgium")]
    [InlineData("Netherlands")]
    [InlineData("Denmark")]
    [InlineData("Norway")]
    [InlineData("Sweden")]
    [InlineData("Finland")]
    [InlineData("Poland")]
    [InlineData("Portugal")]
    [InlineData("Spain")]
    [InlineData("Italy")]
    [InlineData("Czech Republic")]
    [InlineData("Hungary")]
    [InlineData("India")]
    [InlineData("Australia")]
    [InlineData("Chile")]
    [InlineData("Japan")]
    [InlineData("China")]
    [InlineData("Singapore")]
    public void The_sample_databases_countries_have_cities(string country) => Assert.NotNull(CommonCities.Listed(country));

    [Theory]
    [InlineData("United States", "Seattle", "WA", "Washington")]
    [InlineData("Canada", "Vancouver", "BC", "British Columbia")]
    [InlineData("Brazil", "São Paulo", "SP", "São Paulo")]
    [InlineData("Australia", "Sydney", "NSW", "New South Wales")]
    [InlineData("Mexico", "Guadalajara", "JAL", "Jalisco")]
    [InlineData("India", "Mumbai", "MH", "Maharashtra")]
    [InlineData("Germany", "Munich", "BY", "Bavaria")]
    public void A_city_of_a_country_with_regions_has_its_regions_code_and_name(string country, string city, string code, string name)
    {
        Assert.True(CommonCities.HasRegions(country));
        Assert.Equal(new KnownCity(city, code, name), CommonCities.Find(country, city));
    }

    [Fact]
    public void Larger_cities_are_drawn_more_often_and_every_city_is_drawn()
    {
        var random = new Xoshiro256(5);
        var counts = Enumerable.Range(0, 20_000).Select(_ => CommonCities.Draw("United States", null, random, static _ => true)!.Name)
            .GroupBy(static n => n).ToDictionary(static g => g.Key, static g => g.Count());
        Assert.True(counts["New York"] > 3 * counts["Annapolis"], $"New York {counts["New York"]}, Annapolis {counts["Annapolis"]}");
        Assert.True(counts.Count >= 130, $"{counts.Count} distinct cities");
    }

    [Fact]
    public void A_draw_within_a_region_gives_only_its_cities_and_refused_cities_are_skipped()
    {
        var random = new Xoshiro256(6);
        var texan = Enumerable.Range(0, 200).Select(_ => CommonCities.Draw("United States", "Texas", random, static c => c.Name != "Houston")!).ToList();
        Assert.All(texan, c => Assert.Equal("TX", c.RegionCode));
        Assert.DoesNotContain(texan, static c => c.Name == "Houston");
        Assert.Null(CommonCities.Draw("United States", "TX", random, static _ => false));
        Assert.Null(CommonCities.Draw("France", "Bretagne", random, static _ => true));
    }

    [Theory]
    [InlineData(null, "en", "United States")]
    [InlineData("Deutschland", "en", "Germany")]
    [InlineData("USA", "de", "United States")]
    [InlineData("Atlantis", "de", "Germany")]
    [InlineData(null, "es", "Spain")]
    [InlineData(null, "en_AU", "Australia")]
    public void A_rows_city_is_of_its_own_country_else_of_the_locales(string? rowCountry, string locale, string country) =>
        Assert.Equal(country, CommonCities.CountryOf(rowCountry, locale));
}
