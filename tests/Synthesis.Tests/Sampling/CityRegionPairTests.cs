using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Generators;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Sampling;

/// <summary>Generated cities are real cities of their row's country, and a row's city and region agree.</summary>
public sealed class CityRegionPairTests
{
    private static readonly string[] Countries = ["USA", "Germany", "Brazil"];

    /// <summary>Chinook's customers lived in "Destineeburgh" and "South Brookeport": Bogus' made-up names.</summary>
    [Theory]
    [InlineData(SdType.Pii)]
    [InlineData(SdType.Categorical)]
    public async Task Generated_cities_are_real_cities_of_their_rows_country(SdType cityType)
    {
        var schema = Table(
            TestTable.Col("city", LogicalType.String, false) with { MaxLength = 40, SdType = cityType, PiiKind = cityType == SdType.Pii ? PiiKind.City : null },
            Country());
        var real = Enumerable.Range(0, 600).Select(i => new object?[] { (long)i, $"Town{i}", Countries[i % 3] }).ToList();

        var rows = await SampleAsync(schema, real, 500, seed: 11);

        Assert.All(Countries, c => Assert.InRange(rows.Count(r => (string)r[2]! == c), 100, 300));
        Assert.All(rows, r => Assert.True(CommonCities.Find(CommonCities.Listed((string)r[2]!)!, (string)r[1]!) is not null, $"{r[1]} is no city of {r[2]}"));
    }

    /// <summary>The region column comes before the city here, so the region is drawn first and still follows the city.</summary>
    [Fact]
    public async Task A_region_written_anew_is_the_region_of_its_rows_city_as_the_column_writes_regions()
    {
        var schema = Table(
            State(nullable: false),
            TestTable.Col("state_name", LogicalType.String, true) with { MaxLength = 40, SdType = SdType.Pii, PiiKind = PiiKind.State },
            City(),
            Country());
        string[] countries = ["USA", "Canada", "Brazil", "Australia"];
        // Every code rare (twice each: "007") and none a real region's: all written anew, as codes.
        var real = Enumerable.Range(0, 600).Select(i => new object?[] { (long)i, $"{i % 300:000}", null, $"Town{i}", countries[i % 4] }).ToList();

        var rows = await SampleAsync(schema, real, 800, seed: 12);

        Assert.All(rows, r =>
        {
            var city = CommonCities.Find(CommonCities.Listed((string)r[4]!)!, (string)r[3]!);
            Assert.NotNull(city);
            Assert.Equal(city.RegionCode, r[1]);
        });
        Assert.All(countries, c => Assert.Contains(rows, r => (string)r[4]! == c));
    }

    [Fact]
    public async Task A_region_written_anew_is_the_full_name_where_the_column_writes_names()
    {
        var schema = Table(
            City(),
            TestTable.Col("state", LogicalType.String, false) with { MaxLength = 40, SdType = SdType.Pii, PiiKind = PiiKind.State },
            Country());
        var real = Enumerable.Range(0, 400).Select(i => new object?[] { (long)i, $"Town{i}", $"Region{i}", i % 2 == 0 ? "USA" : "Canada" }).ToList();

        var rows = await SampleAsync(schema, real, 400, seed: 13);

        Assert.All(rows, r => Assert.Equal(CommonCities.Find(CommonCities.Listed((string)r[3]!)!, (string)r[1]!)?.RegionName, r[2]));
    }

    /// <summary>Chinook's employees all live in AB: a city written anew beside it is Albertan (Calgary), not Winnipeg.</summary>
    [Fact]
    public async Task A_city_written_anew_beside_a_kept_region_is_a_city_of_that_region()
    {
        var schema = Table(
            City(),
            State(nullable: false));
        var real = Enumerable.Range(0, 300).Select(i => new object?[] { (long)i, $"Town{i}", i % 3 == 0 ? "WA" : i % 3 == 1 ? "TX" : "Ohio" }).ToList();

        var rows = await SampleAsync(schema, real, 300, seed: 14);

        Assert.All(rows, r => Assert.True(CommonCities.Find("United States", (string)r[1]!)?.IsIn((string)r[2]!) == true, $"{r[1]}, {r[2]}"));
        Assert.Contains(rows, static r => (string)r[1]! == "Columbus");
    }

    /// <summary>
    /// Northwind's clone had "Tacoma, SP, USA": SP is a region the source keeps (São Paulo's, beside Brazil), drawn for a
    /// row of another country. Such a row takes a kept region of its own country (WA or TX for the United States) and a
    /// city of it, not a region written anew ("Tacoma, WA" would be, in a column whose regions are all kept: Northwind's
    /// ship regions became "Washington" beside "SP" and "Co. Cork"). Here the source pairs regions and countries at random,
    /// so the model draws many such rows.
    /// </summary>
    [Fact]
    public async Task A_kept_region_of_another_country_gives_way_to_a_kept_region_of_the_rows_country()
    {
        var schema = Table(
            City(),
            State(nullable: true),
            Country());
        string[] states = ["WA", "TX", "SP", "RJ"];
        var random = new Random(18);
        var real = Enumerable.Range(0, 800).Select(i => new object?[] { (long)i, $"Town{i}", states[random.Next(4)], random.Next(2) == 0 ? "USA" : "Brazil" }).ToList();

        var rows = await SampleAsync(schema, real, 600, seed: 18);

        Assert.All(rows, r =>
        {
            var country = CommonCities.Listed((string)r[3]!)!;
            Assert.True(r[2] is null || CommonCities.Find(country, (string)r[1]!)?.IsIn((string)r[2]!) == true, $"{r[1]}, {r[2]}, {r[3]}");
        });
        Assert.Contains(rows, static r => (string)r[3]! == "USA" && (string?)r[2] is "WA" or "TX");
        Assert.Contains(rows, static r => (string)r[3]! == "Brazil" && (string?)r[2] is "SP" or "RJ");
        Assert.All(rows, r => Assert.Contains((string?)r[2], states));
    }

    /// <summary>
    /// Berlin (two customers) and Hamburg (one) are the source's own rare values: never written, though the list draws
    /// them often; Munich, which six share, may be. Nor is a rare real region written for a city: São Paulo, SP.
    /// </summary>
    [Fact]
    public async Task A_generated_city_or_region_equal_to_a_rare_real_one_is_drawn_again()
    {
        var schema = Table(
            City(),
            State(nullable: true),
            Country());
        string[] rareCities = ["Berlin", "Berlin", "Hamburg"];
        var real = Enumerable.Range(0, 400).Select(i => i < 200
                ? new object?[] { (long)i, i < 3 ? rareCities[i] : i < 9 ? "Munich" : $"Town{i}", null, "Germany" }
                : new object?[] { (long)i, $"Town{i}", i < 202 ? "SP" : i < 204 ? "RJ" : $"{i % 100:00}", "Brazil" })
            .ToList();

        var rows = await SampleAsync(schema, real, 1000, seed: 15);

        Assert.DoesNotContain(rows, static r => (string)r[1]! is "Berlin" or "Hamburg");
        Assert.Contains(rows, static r => (string)r[1]! == "Munich");
        var brazilian = rows.Where(static r => (string)r[3]! == "Brazil" && r[2] is not null).ToList();
        Assert.NotEmpty(brazilian);
        Assert.DoesNotContain(brazilian, static r => (string)r[2]! is "SP" or "RJ");
        Assert.All(brazilian, r => Assert.Equal(CommonCities.Find("Brazil", (string)r[1]!)?.RegionCode, r[2]));
    }

    /// <summary>A child drawn under its parent is given cells: a given region stays, and its city follows it.</summary>
    [Fact]
    public async Task A_given_region_stays_and_its_city_follows_it()
    {
        var schema = Table(
            City(),
            State(nullable: true),
            Country());
        string[] countries = ["Canada", "France", "USA"];
        var real = Enumerable.Range(0, 600).Select(i => new object?[] { (long)i, $"Town{i}", i % 5 == 0 ? null : $"{i % 300:000}", countries[i % 3] }).ToList();
        var model = await FitAsync(schema, real);

        var quebec = model.SampleConditional(200, new Dictionary<string, object?> { ["country"] = "Canada", ["state"] = "QC" }, new SamplingContext(17)).ToList();

        Assert.All(quebec, r => Assert.Equal(("QC", "QC"), ((string)r[2]!, CommonCities.Find("Canada", (string)r[1]!)?.RegionCode)));
    }

    /// <summary>A city too long for its column is drawn again, never cut ("Frankfurt am" is no city).</summary>
    [Fact]
    public async Task A_generated_city_fits_its_column_whole()
    {
        var schema = Table(
            City(maxLength: 7),
            Country());
        var real = Enumerable.Range(0, 600).Select(i => new object?[] { (long)i, $"T{i}", Countries[i % 3] }).ToList();

        var rows = await SampleAsync(schema, real, 500, seed: 16);

        Assert.All(rows, r =>
        {
            Assert.InRange(((string)r[1]!).Length, 1, 7);
            Assert.NotNull(CommonCities.Find(CommonCities.Listed((string)r[2]!)!, (string)r[1]!));
        });
    }

    private static ColumnSchema City(int maxLength = 40) =>
        TestTable.Col("city", LogicalType.String, false) with { MaxLength = maxLength, SdType = SdType.Pii, PiiKind = PiiKind.City };

    private static ColumnSchema State(bool nullable) => TestTable.Col("state", LogicalType.String, nullable) with { MaxLength = 10, SdType = SdType.Categorical };

    private static ColumnSchema Country() => TestTable.Col("country", LogicalType.String, false) with { MaxLength = 20, SdType = SdType.Categorical };

    private static TableSchema Table(params ColumnSchema[] columns) => new()
    {
        Name = new QualifiedName(null, "customers"),
        Columns = [TestTable.Col("id", LogicalType.Int64, false) with { Ordinal = 1 }, .. columns.Select((c, i) => c with { Ordinal = i + 2 })],
        PrimaryKey = new KeySchema(null, ["id"]),
    };

    private static Task<TableModel> FitAsync(TableSchema schema, List<object?[]> real) =>
        TableSynthesizer.FitAsync(schema, real.ToAsyncEnumerable(), SynthesisOptions.Default, CancellationToken.None);

    private static async Task<List<object?[]>> SampleAsync(TableSchema schema, List<object?[]> real, int count, int seed) =>
        [.. (await FitAsync(schema, real)).Sample(count, new SamplingContext(seed))];
}
