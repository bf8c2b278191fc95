using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Generators;
using Sdv.Connector.Synthesis.Marginals;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Generators;

/// <summary>Names written anew in a column's own words read like names: they end where names end and keep their brackets whole.</summary>
public sealed class WordModelTests
{
    private static readonly string[] Nouns = ["Night", "Fire", "Road", "Heart", "River", "Dream", "Stone", "Light", "Rain", "Sky", "Song", "Train", "City", "Moon", "Storm", "Rose"];
    private static readonly string[] Adjectives = ["Black", "Blue", "Cold", "Wild", "Golden", "Silent", "Broken", "Lonely"];

    /// <summary>Titles of a few shapes ("The X Of Y", "A Adj X", "X (Live)", "Adj X"), every word of them common.</summary>
    private static List<string> Titles(int count)
    {
        var random = new Random(4);
        string N() => Nouns[random.Next(Nouns.Length)];
        string A() => Adjectives[random.Next(Adjectives.Length)];
        return Enumerable.Range(0, count).Select(i => (i % 4) switch
        {
            0 => $"The {N()} Of {N()}",
            1 => $"A {A()} {N()}",
            2 => $"{N()} (Live)",
            _ => $"{A()} {N()}",
        }).ToList();
    }

    private static WordModel Fitted(IEnumerable<string> values)
    {
        var words = new WordAccumulator();
        foreach (var value in values) words.Observe(value);
        var model = words.ToModel(5);
        model.Prepare();
        return model;
    }

    [Fact]
    public void A_template_of_a_word_and_a_number_is_written_with_its_word_and_new_numbers()
    {
        var model = Fitted(Enumerable.Range(1, 300).Select(i => $"Customer {i}"));
        Assert.False(model.IsEmpty);
        var random = new Xoshiro256(2);
        var values = Enumerable.Range(0, 200).Select(_ => model.Generate(random, null, 40)).ToList();
        Assert.All(values, v => Assert.Matches("^Customer [1-9][0-9]{0,2}$", v));
        Assert.True(values.Distinct().Count() > 100, $"{values.Distinct().Count()} distinct values");

        // One common word among rare ones is still too little to write names with.
        Assert.True(Fitted(Enumerable.Range(1, 300).Select(i => $"The Zq{i}x Wv{i}y")).IsEmpty);
    }

    /// <summary>
    /// Five clinics "Eastham General", "Lakeside General", ...: their first words are each one of a kind and of three
    /// lengths, so no length class of them is seen 5 times; they stand for their case alone, and every name written has a
    /// capitalised first word before "General" (it was "General" alone, then "General-20" to keep the names unique).
    /// </summary>
    [Fact]
    public void Rare_first_words_of_several_lengths_still_start_names()
    {
        var model = Fitted(["Eastham General", "Lakeside General", "Northbridge General", "Southport General", "Westfield General"]);
        Assert.False(model.IsEmpty);
        var faker = new Bogus.Faker("en");
        faker.Random = new Bogus.Randomizer(3);
        var random = new Xoshiro256(4);
        var names = Enumerable.Range(0, 50).Select(_ => model.Generate(random, faker, 60)).ToList();
        Assert.All(names, n => Assert.Matches("^[A-Z][a-z'A-Z]+ General$", n));
        Assert.True(names.Distinct().Count() > 30, $"{names.Distinct().Count()} distinct names");
        string[] real = ["Eastham", "Lakeside", "Northbridge", "Southport", "Westfield"];
        Assert.DoesNotContain(names, n => real.Contains(n.Split(' ')[0]));
    }

    /// <summary>
    /// Nine employees' notes share only the words every text has: written from them they were "Sales and a sales the from
    /// and a from from in From", so the column is written as sentences instead; a templated note whose word pairs make
    /// the text is still written from its own words.
    /// </summary>
    [Fact]
    public void Free_text_is_written_from_its_own_words_only_where_they_can_make_prose()
    {
        var random = new Random(5);
        string[] common = ["the", "in", "from", "and", "a", "to", "She", "He", "has", "sales"];
        var notes = Enumerable.Range(0, 9).Select(i => string.Join(' ', Enumerable.Range(0, 40)
            .Select(j => j % 3 == 0 ? $"Rare{i}w{j}" : common[random.Next(common.Length)]))).ToList();
        Assert.False(Fitted(notes).CanWriteProse);

        var template = Fitted(Enumerable.Range(1, 200).Select(i => $"Confidential note {i}: customer said something private"));
        Assert.True(template.CanWriteProse);
        var prose = Fitted(Enumerable.Range(0, 400).Select(i => string.Join(' ', Enumerable.Range(0, 12).Select(j => $"word{(i * 7 + j * 13) % 60}"))));
        Assert.True(prose.CanWriteProse);
    }

    [Fact]
    public void Names_end_on_words_that_end_names_and_never_repeat_a_word()
    {
        var model = Fitted(Titles(2_000));
        var random = new Xoshiro256(9);
        var names = Enumerable.Range(0, 2_000).Select(_ => model.Generate(random, null, 60)).ToList();
        var endings = Nouns.Concat(["(Live)"]).ToHashSet(StringComparer.Ordinal);
        // No title of the source ends on "The", "Of", "A" or an adjective; none of the clone's does either.
        var badEnds = names.Where(n => !endings.Contains(WordModel.Tokenize(n)[^1])).ToList();
        Assert.True(badEnds.Count == 0, $"{badEnds.Count} names end on a word no source name ends on, e.g. {string.Join(" | ", badEnds.Take(5))}");
        var repeats = names.Where(n => WordModel.Tokenize(n).Count != WordModel.Tokenize(n).Distinct(StringComparer.Ordinal).Count()).ToList();
        Assert.True(repeats.Count == 0, string.Join(" | ", repeats));
        // Lengths follow the source: a quarter of its titles have four words, none more.
        Assert.All(names, n => Assert.InRange(WordModel.Tokenize(n).Count, 1, 4));
        Assert.InRange(names.Count(n => WordModel.Tokenize(n).Count == 4), 300, 700);
    }

    /// <summary>
    /// A title column of one-of-a-kind values, some of them a single common word ("Fire"): the clone's titles are
    /// one of a kind too, so no single word comes out dozens of times, matching the one real title it is.
    /// </summary>
    [Fact]
    public async Task Titles_written_anew_are_one_of_a_kind_like_the_rare_titles_they_stand_in_for()
    {
        // 2,500 titles of two or three words drawn from 24 (almost all one of a kind), and each word alone as a title twice.
        var random = new Random(8);
        var vocabulary = Nouns.Concat(Adjectives).ToArray();
        var titles = Enumerable.Range(0, 2_500)
            .Select(_ => string.Join(' ', Enumerable.Range(0, 2 + random.Next(2)).Select(_ => vocabulary[random.Next(vocabulary.Length)]).Distinct()))
            .ToList();
        titles.AddRange(vocabulary.Concat(vocabulary));
        var schema = new TableSchema
        {
            Name = new QualifiedName(null, "track"),
            Columns =
            [
                new ColumnSchema { Name = "id", Ordinal = 1, NativeType = "INTEGER", LogicalType = LogicalType.Int64, IsNullable = false },
                new ColumnSchema { Name = "title", Ordinal = 2, NativeType = "TEXT", LogicalType = LogicalType.String, IsNullable = false, SdType = SdType.Categorical },
            ],
            PrimaryKey = new KeySchema(null, ["id"]),
        };
        var rows = titles.Select((t, i) => new object?[] { (long)i + 1, t }).ToList();
        var model = await TableSynthesizer.FitAsync(schema, TestTable.AsAsync(rows), new SynthesisOptions { Seed = 2 }, CancellationToken.None);
        var synthetic = model.Sample(rows.Count, new SamplingContext(5)).Select(r => (string)r[1]!).ToList();
        var rareReal = titles.GroupBy(t => t).Where(g => g.Count() < 5).Select(g => g.Key).ToHashSet();
        var rareTitles = synthetic.Where(t => !titles.GroupBy(x => x).Any(g => g.Key == t && g.Count() >= 5)).ToList();
        // Stand-ins repeat about as rarely as the rare titles do (each is one of a kind in the source).
        Assert.True(rareTitles.Distinct().Count() >= rareTitles.Count * 0.9, $"{rareTitles.Distinct().Count()} distinct stand-ins of {rareTitles.Count}");
        var mostRepeatedLeak = synthetic.Where(rareReal.Contains).GroupBy(t => t).Select(g => g.Count()).DefaultIfEmpty(0).Max();
        // Two or three words of 24 leave few new titles, so a repeat is sometimes the only choice; never dozens.
        Assert.True(mostRepeatedLeak <= 2, $"a rare real title was written {mostRepeatedLeak} times");
    }

    /// <summary>
    /// The same titles fitted and sampled in one process (as clone does): a title composed of common words that equals
    /// a real one-of-a-kind title is drawn again, so no rare real title is written at all; the guard is not saved in
    /// the model file.
    /// </summary>
    [Fact]
    public async Task Titles_written_anew_never_equal_a_rare_real_title_when_fitted_in_the_same_process()
    {
        var random = new Random(11);
        var vocabulary = Nouns.Concat(Adjectives).ToArray();
        var titles = Enumerable.Range(0, 2_500)
            .Select(_ => string.Join(' ', Enumerable.Range(0, 1 + random.Next(3)).Select(_ => vocabulary[random.Next(vocabulary.Length)]).Distinct()))
            .ToList();
        var schema = new TableSchema
        {
            Name = new QualifiedName(null, "track"),
            Columns =
            [
                new ColumnSchema { Name = "id", Ordinal = 1, NativeType = "INTEGER", LogicalType = LogicalType.Int64, IsNullable = false },
                new ColumnSchema { Name = "title", Ordinal = 2, NativeType = "TEXT", LogicalType = LogicalType.String, IsNullable = false, SdType = SdType.Categorical },
            ],
            PrimaryKey = new KeySchema(null, ["id"]),
        };
        var rows = titles.Select((t, i) => new object?[] { (long)i + 1, t }).ToList();
        var model = await TableSynthesizer.FitAsync(schema, TestTable.AsAsync(rows), new SynthesisOptions { Seed = 3 }, CancellationToken.None);
        var rareReal = titles.GroupBy(t => t, StringComparer.Ordinal).Where(g => g.Count() < 5).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var synthetic = model.Sample(rows.Count, new SamplingContext(5)).Select(r => (string)r[1]!).ToList();
        var leaked = synthetic.Where(rareReal.Contains).ToList();
        Assert.True(leaked.Count == 0, $"{leaked.Count} rare real titles written: {string.Join(" | ", leaked.Take(8))}");

        // A model loaded from its file has no memory of the real values (a saved one would tell whether a guessed title is real).
        using var file = new MemoryStream();
        ModelFile.Save(model, file);
        Assert.DoesNotContain(titles.First(rareReal.Contains), System.Text.Encoding.UTF8.GetString(file.ToArray()), StringComparison.Ordinal);
        file.Position = 0;
        var loaded = ModelFile.Load(file);
        var fromFile = loaded.Sample(rows.Count, new SamplingContext(5)).Select(r => (string)r[1]!).ToList();
        Assert.Contains(fromFile, rareReal.Contains);
    }

    [Fact]
    public void The_real_value_filter_never_misses_a_value_and_rarely_claims_one_it_was_not_given()
    {
        var filter = new RealValueFilter();
        var added = Enumerable.Range(0, 300_000).Select(static i => $"title {i}").ToList();
        foreach (var value in added) filter.Add(value);
        Assert.Equal(300_000, filter.Count);
        Assert.All(added.Where(static (_, i) => i % 97 == 0), v => Assert.True(filter.MayContain(v)));
        var falseHits = Enumerable.Range(0, 100_000).Count(i => filter.MayContain($"other {i}"));
        Assert.True(falseHits < 200, $"{falseHits} false hits in 100,000");
    }

    [Theory]
    [InlineData("Best Of 2)", "Best Of 2")]
    [InlineData("[Disc 1] Live", "[Disc 1] Live")]
    [InlineData("Live [Disc 1", "Live Disc 1")]
    [InlineData("Song (Live) (", "Song (Live)")]
    [InlineData("\"Quoted\" and \"half", "\"Quoted\" and half")]
    public void Brackets_and_quotes_without_their_other_half_are_removed(string text, string expected) =>
        Assert.Equal(expected, WordModel.Balanced(text));
    /// <summary>
    /// Titles of common words in two cases ("The" and "the", "Of" and "of") whose pairs are each rarer than k, so the chain
    /// often cannot go on: no title has one word twice whatever its case ("Your of the THE"), and none ends on a word no
    /// source title ends on ("The Greatest - & And").
    /// </summary>
    [Fact]
    public void A_title_has_no_word_twice_in_any_case_and_ends_on_a_word_titles_end_on()
    {
        var random = new Random(6);
        string[] starts = ["The", "A", "Live", "Best"];
        string[] middles = ["of", "Of", "the", "and", "And", "&", "-"];
        var titles = Enumerable.Range(0, 600)
            .Select(_ => $"{starts[random.Next(starts.Length)]} {Nouns[random.Next(Nouns.Length)]} {middles[random.Next(middles.Length)]} {Adjectives[random.Next(Adjectives.Length)]} {Nouns[random.Next(Nouns.Length)]}")
            .ToList();
        var model = Fitted(titles);
        var endings = titles.Select(t => t.Split(' ')[^1]).ToHashSet(StringComparer.Ordinal);
        var sampler = new Xoshiro256(9);
        for (var i = 0; i < 500; i++)
        {
            var title = model.Generate(sampler, null, 80);
            var words = title.Split(' ');
            Assert.True(words.Length == words.Distinct(StringComparer.OrdinalIgnoreCase).Count(), $"\"{title}\" has a word twice");
            Assert.True(words.Length == 1 || endings.Contains(words[^1]), $"\"{title}\" ends on a word no title ends on");
        }
    }

    /// <summary>
    /// Album titles whose words of content are each one of a kind ("In Zorvin Of Malte", "Quess And Dravo Hits"): the common
    /// words are a dozen articles and prepositions and "Hits", so rare words standing in from the column's common ones gave
    /// titles of articles ("Season The", "And Of Season"). A stand-in in a name is a word of content: one that ends values,
    /// and, where the column has few, a common English word from a public list (in an English locale).
    /// </summary>
    [Fact]
    public void Rare_words_of_a_title_stand_in_with_words_of_content_not_the_columns_articles()
    {
        var random = new Random(12);
        string[] articles = ["The", "Of", "And", "A", "In", "On", "To", "For", "At", "By", "From", "With"];
        string Made() => string.Concat(((char)('A' + random.Next(26))).ToString(), new string(Enumerable.Range(0, random.Next(3, 7)).Select(_ => (char)('a' + random.Next(26))).ToArray()));
        string Article() => articles[random.Next(articles.Length)];
        var titles = Enumerable.Range(0, 600).Select(i => (i % 3) switch
        {
            0 => $"{Article()} {Made()} {Article()} {Made()}",
            1 => $"{Made()} {Article()} {Made()} Hits",
            _ => $"{Article()} {Made()}",
        }).ToList();
        var model = Fitted(titles);
        var sampler = new Xoshiro256(3);
        var faker = new Bogus.Faker("en");
        var generated = Enumerable.Range(0, 300).Select(_ => model.Generate(sampler, faker, 80)).ToList();

        Assert.All(generated, t => Assert.False(articles.Contains(t.Split(' ')[^1], StringComparer.OrdinalIgnoreCase), $"\"{t}\" ends on an article"));
        // As in the source, under half the words are articles.
        var words = generated.SelectMany(static t => t.Split(' ')).ToList();
        Assert.InRange(words.Count(w => articles.Contains(w, StringComparer.OrdinalIgnoreCase)) / (double)words.Count, 0.2, 0.5);
    }

    /// <summary>
    /// Northwind's units ("24 - 12 oz bottles", "10 boxes x 20 bags"): their rare words are lower-case units, and a title
    /// word standing in for one gave "99 g avenue". A lower-case word stands in with the column's own words of that case.
    /// </summary>
    [Fact]
    public void Rare_lower_case_words_of_a_name_stand_in_with_the_columns_own_not_title_words()
    {
        var random = new Random(4);
        var rareUnits = Enumerable.Range(0, 40).Select(i => "u" + new string(Enumerable.Range(0, 4).Select(_ => (char)('a' + random.Next(26))).ToArray())).ToArray();
        string[] common = ["bottles", "jars", "boxes", "pkgs.", "bags", "cans", "pieces", "tins", "glasses", "cartons", "packs", "trays"];
        var values = Enumerable.Range(0, 300).Select(i => i % 2 == 0
            ? $"{random.Next(1, 48)} - {random.Next(1, 900)} oz {common[random.Next(common.Length)]}"
            : $"{random.Next(1, 48)} {rareUnits[(i / 2) % rareUnits.Length]}").ToList();
        var own = values.SelectMany(static v => v.Split(' ')).Where(static w => w.Any(char.IsLetter)).ToHashSet(StringComparer.Ordinal);
        var model = Fitted(values);
        var sampler = new Xoshiro256(5);
        var faker = new Bogus.Faker("en");

        var generated = Enumerable.Range(0, 300).Select(_ => model.Generate(sampler, faker, 40)).ToList();

        Assert.All(generated.SelectMany(static g => g.Split(' ')).Where(static w => w.Any(char.IsLetter)), w => Assert.Contains(w, own));
        Assert.DoesNotContain(generated.SelectMany(static g => g.Split(' ')), w => rareUnits.Contains(w));
    }
}
