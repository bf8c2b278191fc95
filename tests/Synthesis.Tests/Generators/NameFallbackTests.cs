using Sdv.Connector.Synthesis.Generators;
using Sdv.Connector.Synthesis.Marginals;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Generators;

/// <summary>Stand-ins chosen by what a column's name says it holds.</summary>
public sealed class NameFallbackTests
{
    private static ShapeProfile Shape(params string[] values)
    {
        var shape = new ShapeProfile();
        foreach (var v in values) shape.Add(v);
        return shape;
    }

    [Fact]
    public void Rare_regions_that_are_mostly_short_codes_get_real_looking_codes_not_letters_of_their_shape()
    {
        var codes = Shape("AK", "BC", "CA", "DF", "ID", "MT", "NM", "OR", "WA", "Isle of Wight", "Táchira", "Québec");
        Assert.Equal("state-code", NameFallback.CodeHint(NameFallback.HintOf("customers", "region"), codes));
        Assert.Equal("country-code", NameFallback.CodeHint(NameFallback.HintOf("suppliers", "country"), Shape("DE", "FR", "SE", "JP")));
        // Names of regions, or a column that is not a region: no codes.
        Assert.Null(NameFallback.CodeHint("state", Shape("Isle of Wight", "Táchira", "Québec", "Lara", "OR")));
        Assert.Null(NameFallback.CodeHint("words", codes));

        var faker = PiiGenerator.CreateFaker("en", 3);
        var random = new Xoshiro256(4);
        var generated = Enumerable.Range(0, 200).Select(_ => NameFallback.Generate("state-code", faker, random, 15, null)).ToList();
        Assert.All(generated, g => Assert.Matches("^[A-Z]{2}$", g));
        Assert.True(generated.Distinct().Count() >= 30, $"{generated.Distinct().Count()} distinct codes");
    }

    [Theory]
    [InlineData("employees", "title_of_courtesy", "prefix")]
    [InlineData("employees", "title", "job")]
    [InlineData("customers", "contact_title", "job")]
    [InlineData("suppliers", "country", "country")]
    public void The_columns_name_says_what_it_holds(string table, string column, string hint) =>
        Assert.Equal(hint, NameFallback.HintOf(table, column));

    [Fact]
    public async Task A_country_column_of_rare_countries_gets_common_countries_spelled_as_the_column_spells_them()
    {
        var schema = KeyAndText("suppliers", "id", "country", 30);
        // Every country is rare (fewer than 5 rows), one of them a made-up place that must never come back.
        string[] real = ["USA", "USA", "UK", "UK", "Germany", "France", "Sweden", "Brazil", "Japan", "Italy", "Atlantis Minor"];
        var rows = real.Select((c, i) => new object?[] { (long)i + 1, c }).ToAsyncEnumerable();
        var model = await TableSynthesizer.FitAsync(schema, rows, SynthesisOptions.Default, CancellationToken.None);
        var countries = model.Sample(2000, new SamplingContext(3)).Select(r => (string)r[1]!).ToList();
        Assert.Contains("USA", countries);
        Assert.Contains("UK", countries);
        Assert.DoesNotContain("United States", countries);
        Assert.DoesNotContain("United Kingdom", countries);
        Assert.DoesNotContain("Atlantis Minor", countries);
        Assert.All(countries, c => Assert.NotNull(CommonCountries.Canonical(c)));
        Assert.True(countries.Distinct().Count() >= 20, $"{countries.Distinct().Count()} countries");
        Assert.True(countries.Count(c => c == "USA") < 0.25 * countries.Count, "one country is not most of the clone");
    }

    [Fact]
    public async Task A_description_column_of_one_of_a_kind_labels_gets_proper_names_not_sentences()
    {
        var schema = KeyAndText("territories", "territory_id", "territory_description", 50);
        // Every label is one of a kind, and no word repeats enough to learn.
        string[] starts = ["West", "Bed", "George", "Bos", "Cam", "Ben", "Hol", "Red", "Wil", "Ports"], ends = ["boro", "ford", "town", "ton", "bridge", "field"];
        var rows = Enumerable.Range(0, 60).Select(i => new object?[] { (long)i + 1, starts[i % 10] + ends[i / 10] }).ToAsyncEnumerable();
        var model = await TableSynthesizer.FitAsync(schema, rows, SynthesisOptions.Default, CancellationToken.None);
        var labels = model.Sample(300, new SamplingContext(5)).Select(r => (string)r[1]!).ToList();
        // Proper names of places, which may hold a period or a hyphen ("St. Louis", "Winston-Salem").
        Assert.All(labels, l => Assert.Matches(@"^[A-Z][A-Za-z'. -]{2,30}$", l));
        Assert.All(labels, l => Assert.True(l.Split(' ').Length <= 3, l));
        Assert.DoesNotContain(labels, l => l.EndsWith("boro", StringComparison.Ordinal) && starts.Any(p => l == p + "boro"));
    }

    /// <summary>
    /// A grocer's products, each one of a kind, whose words say tea, sauce, cheese (each word too rare to keep): the
    /// clone lists groceries from the public list ("Organic Green Tea"), not Bogus' "Refined Steel Pizza", and none
    /// of the source's names.
    /// </summary>
    [Fact]
    public async Task Product_names_written_anew_are_real_products_of_the_kind_the_columns_words_point_to()
    {
        var schema = KeyAndText("products", "product_id", "product_name", 40);
        string[] foods = ["Tea", "Sauce", "Cheese", "Syrup", "Chocolate", "Beer", "Salmon", "Cookies", "Pasta", "Honey", "Jam", "Coffee", "Wine", "Bread", "Rice"];
        string[] brands = ["Aldo", "Brinks", "Corvo", "Dunmore", "Elwin", "Farro", "Gansu", "Holt", "Ivor", "Jessop", "Kappel", "Lund", "Morva", "Nyle", "Osric"];
        var names = Enumerable.Range(0, 45).Select(i => $"{brands[i % 15]} {foods[(i * 7) % 15]}").Distinct().ToList();
        var rows = names.Select((n, i) => new object?[] { (long)i + 1, n }).ToAsyncEnumerable();
        var model = await TableSynthesizer.FitAsync(schema, rows, SynthesisOptions.Default, CancellationToken.None);

        var written = model.Sample(200, new SamplingContext(6)).Select(r => (string)r[1]!).ToList();

        Assert.All(written, w => Assert.Equal(0, CommonProducts.KindOfName(w)));
        Assert.DoesNotContain(written, names.Contains);
        Assert.True(written.Distinct().Count() > 40);
    }

    [Theory]
    [InlineData("country", "USA", true)]
    [InlineData("country", "czechia", true)]
    [InlineData("country", "Atlantis Minor", false)]
    [InlineData("prefix", "Dr.", true)]
    [InlineData("prefix", "Captain Nemo", false)]
    [InlineData("job", "Sales Manager", false)]
    [InlineData("state", "Nevada", true)]
    [InlineData("state-code", "NV", true)]
    [InlineData("state", "Western Europe", false)]
    public void Values_of_public_lists_are_told_apart_from_the_sources_own(string hint, string value, bool isPublic) =>
        Assert.Equal(isPublic, NameFallback.IsPublicListValue(hint, value));

    [Fact]
    public void Countries_and_job_titles_are_whole_common_ones_that_fit_the_column()
    {
        var faker = PiiGenerator.CreateFaker("en", 5);
        var random = new Xoshiro256(6);
        var countries = Enumerable.Range(0, 2000).Select(_ => NameFallback.Generate("country", faker, random, 15, null)).ToList();
        // Never cut to the column's width ("United Arab Emirates" is 20 characters: drawn again, not shortened).
        Assert.All(countries, c => Assert.True(c.Length <= 15 && c is not "United Arab" and not "United Arab Emi", c));
        var byCount = countries.GroupBy(c => c).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        Assert.Equal("United States", byCount[0]);
        Assert.DoesNotContain("Kiribati", countries);
        Assert.InRange(byCount.Count, 25, 45);

        var titles = Enumerable.Range(0, 500).Select(_ => NameFallback.Generate("job", faker, random, 20, null)).ToList();
        Assert.All(titles, t => Assert.True(t.Length <= 20 && t.Split(' ').Length <= 3, t));
        Assert.Contains("Sales Manager", titles);
    }

    /// <summary>
    /// A note written anew where the column's own words are too few (nine employees' notes) is whole sentences of notes, none
    /// twice, about as long as the note it stands for; before, Bogus' hacker phrases ("reboot the redundant JBOD circuit").
    /// </summary>
    [Fact]
    public void A_note_written_anew_is_whole_sentences_of_notes_near_its_length()
    {
        var random = new Xoshiro256(4);
        var faker = new Bogus.Faker("en");
        Assert.Equal("sentence", NameFallback.HintOf("employees", "notes"));
        foreach (var length in new[] { 30, 80, 200, 400 })
        {
            for (var i = 0; i < 50; i++)
            {
                var note = NameFallback.Generate("sentence", faker, random, maxLength: null, targetLength: length);
                var sentences = note.Split(". ", StringSplitOptions.None);
                Assert.EndsWith(".", note, StringComparison.Ordinal);
                Assert.Equal(sentences.Length, sentences.Distinct(StringComparer.Ordinal).Count());
                Assert.InRange(note.Length, Math.Min(length / 2, 20), (length * 1.2) + 45);
                Assert.DoesNotContain(note.Split(' ', '.', ';', ','), w => w.Length > 0 && Array.IndexOf(HackerWords, w.ToLowerInvariant()) >= 0);
            }
        }
    }

    private static readonly string[] HackerWords = ["circuit", "bandwidth", "protocol", "firewall", "pixel", "driver", "microchip", "capacitor", "transmitter", "alarm"];

    /// <summary>A table of a key and one text column of at most <paramref name="maxLength"/> characters.</summary>
    private static SchemaIntrospection.Model.TableSchema KeyAndText(string table, string key, string text, int maxLength) => new()
    {
        Name = new SchemaIntrospection.Model.QualifiedName(null, table),
        Columns =
        [
            TestTable.Col(key, SchemaIntrospection.Model.LogicalType.Int64, false) with { Ordinal = 1 },
            TestTable.Col(text, SchemaIntrospection.Model.LogicalType.String, false) with { Ordinal = 2, MaxLength = maxLength },
        ],
        PrimaryKey = new SchemaIntrospection.Model.KeySchema(null, [key]),
    };
}
