using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Generators;
using Sdv.Connector.Synthesis.Marginals;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Generators;

/// <summary>Phone numbers and postal codes written in the source's own formats, with new digits, linked to the row's country.</summary>
public sealed class FormatTemplateTests
{
    [Theory]
    [InlineData("+55 (12) 3923-5555", "+## (##) ####-####")]
    [InlineData("T2P 2T3", "@#@ #@#")]
    [InlineData("SW1V 3EN", "@@#@ #@@")]
    [InlineData("#12-ab", "\\###-%%")]
    [InlineData("Main Street", null)]
    public void A_mask_keeps_punctuation_and_the_class_of_each_letter_and_digit(string value, string? mask) =>
        Assert.Equal(mask, FormatTemplate.MaskOf(value));

    [Fact]
    public void Filling_a_template_keeps_its_written_out_characters_and_draws_the_others()
    {
        var template = FormatTemplate.TemplateOf("+1 (403) 262-3443", [.. "+1 (403) 999-9999".Select(c => c != '9')], 4);
        Assert.Equal("+1 (403) ###-####", template);
        Assert.Equal(FormatTemplate.MaskOf("+1 (403) 262-3443"), FormatTemplate.MaskOfTemplate(template));
        var random = new Xoshiro256(1);
        var values = Enumerable.Range(0, 200).Select(_ => FormatTemplate.Fill(template, random)).ToList();
        Assert.All(values, v => Assert.Matches(@"^\+1 \(403\) \d{3}-\d{4}$", v));
        Assert.True(values.Distinct().Count() > 190);
        // An escaped placeholder stays itself.
        Assert.Equal("#12", FormatTemplate.Fill(FormatTemplate.TemplateOf("#12", [true, true, true], 0), random));
    }

    [Fact]
    public void A_format_is_kept_only_when_k_values_share_it_and_written_out_only_where_k_different_values_agree()
    {
        var accumulator = new FormatAccumulator();
        var rows = new List<object?[]>();
        // Six Calgary numbers (one format, a shared prefix), seven invoices of one London customer (one value), one odd format.
        rows.AddRange(Enumerable.Range(0, 6).Select(i => new object?[] { $"+1 (403) 26{i}-344{i}" }));
        rows.AddRange(Enumerable.Range(0, 7).Select(_ => new object?[] { "+44 020 7976 5722" }));
        rows.Add(["+49 0711 2842222"]);
        rows.Add([null]);
        accumulator.Observe([.. rows], rows.Count, 0);
        var (templates, counts, countries) = accumulator.Finish(5);
        // The London number is one value seven times: its format is kept, none of its digits.
        Assert.Equal(["+## ### #### ####", "+1 (403) 26#-####"], templates);
        Assert.Equal([7L, 6L], counts);
        Assert.All(countries, Assert.Empty); // no country column given
        Assert.Equal(14, accumulator.Count);
        Assert.Equal(1, accumulator.Nulls);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Synthetic_phones_and_postal_codes_follow_the_rows_country_in_its_own_format_and_copy_no_real_value(bool rareCountries)
    {
        var schema = new TableSchema
        {
            Name = new QualifiedName(null, "customer"),
            Columns =
            [
                TestTable.Col("id", LogicalType.Int64, false) with { Ordinal = 1 },
                TestTable.Col("country", LogicalType.String, false) with { Ordinal = 2, MaxLength = 20 },
                TestTable.Col("postal_code", LogicalType.String, true) with { Ordinal = 3, MaxLength = 12, SdType = SdType.Pii, PiiKind = PiiKind.Postcode },
                TestTable.Col("phone", LogicalType.String, true) with { Ordinal = 4, MaxLength = 24, SdType = SdType.Pii, PiiKind = PiiKind.Phone },
            ],
            PrimaryKey = new KeySchema(null, ["id"]),
        };
        var real = new List<object?[]>();
        var random = new Random(3);
        // A customer table as small as Chinook's (59 rows) where rare countries are many: 8 customers in each common country.
        for (var i = 0; i < (rareCountries ? 24 : 900); i++)
        {
            object?[] row = (i % 3) switch
            {
                0 => [(long)i, "Brazil", $"{random.Next(10000, 99999)}-{random.Next(100, 999)}", $"+55 ({random.Next(11, 99)}) {random.Next(1000, 9999)}-{random.Next(1000, 9999)}"],
                1 => [(long)i, "Canada", $"T{random.Next(10)}X {random.Next(10)}K{random.Next(10)}", $"+1 ({random.Next(200, 999)}) {random.Next(200, 999)}-{random.Next(1000, 9999)}"],
                _ => [(long)i, "France", $"{random.Next(10000, 99999)}", random.Next(10) == 0 ? null : $"+33 0{random.Next(1, 9)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}"],
            };
            real.Add(row);
        }

        // and 36 in 12 countries of 3 each (fewer than k): folded into the common countries by the country's model, their
        // formats (+44 ..., ####) came out on rows drawn as Brazil or Canada ("Brazil, V2W 6O7, +33 04 04 83 47 45").
        for (var i = 0; rareCountries && i < 36; i++)
        {
            real.Add([(long)(1000 + i), $"Rareland {i / 3}", $"{random.Next(1000, 9999)}", $"+44 {random.Next(1000, 9999)} {random.Next(100000, 999999)}"]);
        }

        var model = await TableSynthesizer.FitAsync(schema, real.ToAsyncEnumerable(), SynthesisOptions.Default, CancellationToken.None);
        var rows = model.Sample(3000, new SamplingContext(11)).ToList();
        var formats = new Dictionary<string, (string Postal, string Phone)>
        {
            ["Brazil"] = (@"^\d{5}-\d{3}$", @"^\+55 \(\d\d\) \d{4}-\d{4}$"),
            ["Canada"] = (@"^T\d[A-Z] \d[A-Z]\d$", @"^\+1 \(\d{3}\) \d{3}-\d{4}$"),
            ["France"] = (@"^\d{5}$", @"^\+33 0\d \d\d \d\d \d\d \d\d$"),
        };
        // Rows of the three countries (where rare countries are most, the others are common countries written anew).
        rows = rows.Where(r => formats.ContainsKey((string)r[1]!)).ToList();
        var matching = rows.Count(r => r[2] is string postal && System.Text.RegularExpressions.Regex.IsMatch(postal, formats[(string)r[1]!].Postal)
            && (r[3] is null || System.Text.RegularExpressions.Regex.IsMatch((string)r[3]!, formats[(string)r[1]!].Phone)));
        Assert.True(matching >= 0.97 * rows.Count, $"{matching} of {rows.Count} rows have their country's formats");
        // (Without the row country's formats: 122 of 1,227 with the rare countries.) France's phones keep their NULL share; no
        // real number or postal code comes back.
        var realValues = real.SelectMany(r => new[] { r[2], r[3] }).OfType<string>().ToHashSet();
        Assert.True(rows.Count(r => r[2] is string p && realValues.Contains(p)) < 0.02 * rows.Count, "postal codes equal to real ones beyond chance");
        Assert.DoesNotContain(rows, r => r[3] is string p && realValues.Contains(p));
    }
    /// <summary>
    /// Northwind's 29 suppliers are in 16 countries, none with k of them, so no postal code or phone format can be told to
    /// be any country's: a German supplier got "(360) 555-7347" and an American one "5921". Such rows now get their own
    /// country's numbers from its locale: Germany five digits, the United Kingdom letters and digits.
    /// </summary>
    [Fact]
    public async Task Where_no_format_is_known_to_be_a_countrys_a_row_of_a_known_country_gets_numbers_of_its_own_locale()
    {
        var schema = new TableSchema
        {
            Name = new QualifiedName(null, "suppliers"),
            Columns =
            [
                TestTable.Col("id", LogicalType.Int64, false) with { Ordinal = 1 },
                TestTable.Col("country", LogicalType.String, false) with { Ordinal = 2, MaxLength = 20 },
                TestTable.Col("postal_code", LogicalType.String, true) with { Ordinal = 3, MaxLength = 12, SdType = SdType.Pii, PiiKind = PiiKind.Postcode },
            ],
            PrimaryKey = new KeySchema(null, ["id"]),
        };
        string[] countries = ["Germany", "UK", "USA", "France", "Italy", "Spain", "Brazil", "Canada", "Mexico", "Sweden", "Norway", "Finland", "Japan", "Australia", "Denmark", "Netherlands"];
        var random = new Random(5);
        var real = Enumerable.Range(0, 2 * countries.Length).Select(i => new object?[] { (long)i, countries[i / 2], $"{random.Next(1000, 9999)}" }).ToList();
        var model = await TableSynthesizer.FitAsync(schema, real.ToAsyncEnumerable(), SynthesisOptions.Default, CancellationToken.None);
        var rows = model.Sample(2000, new SamplingContext(3)).ToList();

        var german = rows.Where(r => CountryLocales.Of(r[1]) == "de").Select(r => (string)r[2]!).ToList();
        var british = rows.Where(r => CountryLocales.Of(r[1]) == "en_GB").Select(r => (string)r[2]!).ToList();
        Assert.True(german.Count >= 20 && british.Count >= 20, $"{german.Count} German and {british.Count} British rows");
        Assert.All(german, p => Assert.Matches(@"^\d{5}$", p));
        Assert.All(british, p => Assert.Matches("[A-Z]", p));
    }
}
