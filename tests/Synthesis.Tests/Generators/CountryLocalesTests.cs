using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Generators;

/// <summary>Names and addresses generated anew follow the row's country: a German customer gets a German name and city.</summary>
public sealed class CountryLocalesTests
{
    [Fact]
    public async Task Generated_names_and_cities_are_of_the_rows_country()
    {
        var schema = new TableSchema
        {
            Name = new QualifiedName(null, "customer"),
            Columns =
            [
                TestTable.Col("id", LogicalType.Int64, false) with { Ordinal = 1 },
                TestTable.Col("first_name", LogicalType.String, false) with { Ordinal = 2, MaxLength = 40, SdType = SdType.Pii, PiiKind = PiiKind.FirstName },
                TestTable.Col("city", LogicalType.String, false) with { Ordinal = 3, MaxLength = 60, SdType = SdType.Pii, PiiKind = PiiKind.City },
                // The country comes after the columns that follow it, as in most address blocks.
                TestTable.Col("country", LogicalType.String, false) with { Ordinal = 4, MaxLength = 20 },
            ],
            PrimaryKey = new KeySchema(null, ["id"]),
        };
        var real = Enumerable.Range(0, 600)
            .Select(i => new object?[] { (long)i, $"Name{i}", $"Town{i}", i % 2 == 0 ? "Germany" : "USA" })
            .ToList();
        var model = await TableSynthesizer.FitAsync(schema, real.ToAsyncEnumerable(), SynthesisOptions.Default, CancellationToken.None);
        var rows = model.Sample(2000, new SamplingContext(4)).ToList();

        var german = Names("de");
        var english = Names("en_US");
        var inGermany = rows.Where(static r => (string)r[3]! == "Germany").Select(static r => (string)r[1]!).ToList();
        var inUsa = rows.Where(static r => (string)r[3]! == "USA").Select(static r => (string)r[1]!).ToList();
        Assert.InRange(inGermany.Count, 800, 1200);
        // Bogus' German first names for German rows, its English ones for the others (a few names are in both lists).
        Assert.True(inGermany.Count(german.Contains) >= 0.95 * inGermany.Count, $"{inGermany.Count(german.Contains)} of {inGermany.Count} German rows have a German first name");
        Assert.True(inUsa.Count(english.Contains) >= 0.95 * inUsa.Count, $"{inUsa.Count(english.Contains)} of {inUsa.Count} US rows have an English first name");
        Assert.DoesNotContain(inUsa, n => german.Contains(n) && !english.Contains(n));
    }

    private static HashSet<string> Names(string locale)
    {
        var faker = new Bogus.Faker(locale) { Random = new Bogus.Randomizer(1) };
        return Enumerable.Range(0, 20_000).Select(_ => faker.Name.FirstName()).ToHashSet(StringComparer.Ordinal);
    }
}
