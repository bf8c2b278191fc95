using Bogus.DataSets;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Generators;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Sampling;

/// <summary>A generated first name agrees with its row's courtesy title or sex: Northwind's clone had "Mr. Janie".</summary>
public sealed class GenderAgreementTests
{
    private static readonly HashSet<string> MaleNames = Names("male_first_name");
    private static readonly HashSet<string> FemaleNames = Names("female_first_name");

    private static HashSet<string> Names(string key)
    {
        var list = (Bogus.Bson.BArray)Bogus.Database.Get("name", key, "en");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++) names.Add(list[i].StringValue);
        return names;
    }

    private static TableSchema People(string genderColumn) => new()
    {
        Name = new QualifiedName(null, "employees"),
        Columns =
        [
            TestTable.Col("id", LogicalType.Int64, false) with { Ordinal = 1 },
            TestTable.Col(genderColumn, LogicalType.String, true) with { Ordinal = 2, MaxLength = 25, SdType = SdType.Categorical },
            TestTable.Col("first_name", LogicalType.String, false) with { Ordinal = 3, MaxLength = 40, SdType = SdType.Pii, PiiKind = PiiKind.FirstName },
            TestTable.Col("country", LogicalType.String, false) with { Ordinal = 4, MaxLength = 20, SdType = SdType.Categorical },
        ],
        PrimaryKey = new KeySchema(null, ["id"]),
    };

    /// <summary>
    /// Titles kept as categories (Mr., Ms., Mrs., Dr.), in the US and the UK, whose locales have no names by gender (Bogus
    /// ignored the gender there): every Mr. is a man's name and every Ms. or Mrs. a woman's; Dr. any name.
    /// </summary>
    [Fact]
    public async Task A_first_name_written_anew_is_of_the_gender_its_rows_courtesy_title_names()
    {
        var random = new Random(3);
        string[] titles = ["Mr.", "Ms.", "Mrs.", "Dr."];
        var rows = Enumerable.Range(1, 400)
            .Select(i => new object?[] { (long)i, titles[random.Next(titles.Length)], $"Person{i}", random.Next(2) == 0 ? "USA" : "UK" }).ToList();
        var model = await TableSynthesizer.FitAsync(People("title_of_courtesy"), TestTable.AsAsync(rows), SynthesisOptions.Default, CancellationToken.None);
        var synthetic = model.Sample(400, new SamplingContext(5)).ToList();

        var men = synthetic.Where(r => (string?)r[1] == "Mr.").Select(r => (string)r[2]!).ToList();
        var women = synthetic.Where(r => (string?)r[1] is "Ms." or "Mrs.").Select(r => (string)r[2]!).ToList();
        Assert.True(men.Count > 50 && women.Count > 100, $"{men.Count} Mr., {women.Count} Ms./Mrs.");
        Assert.All(men, n => Assert.Contains(n, MaleNames));
        Assert.All(women, n => Assert.Contains(n, FemaleNames));
    }

    /// <summary>A sex column of M and F, and titles written anew because each was rare (nine employees): both are followed.</summary>
    [Fact]
    public async Task A_sex_column_and_rare_titles_written_anew_are_followed_too()
    {
        var random = new Random(4);
        var bySex = Enumerable.Range(1, 300).Select(i => new object?[] { (long)i, random.Next(2) == 0 ? "M" : "F", $"Person{i}", "USA" }).ToList();
        var sexModel = await TableSynthesizer.FitAsync(People("sex"), TestTable.AsAsync(bySex), SynthesisOptions.Default, CancellationToken.None);
        var synthetic = sexModel.Sample(300, new SamplingContext(6)).ToList();
        Assert.All(synthetic, r => Assert.Contains((string)r[2]!, (string?)r[1] == "M" ? MaleNames : FemaleNames));

        string[] nine = ["Ms.", "Dr.", "Ms.", "Mrs.", "Ms.", "Mr.", "Mr.", "Mr.", "Ms."];
        var employees = nine.Select((t, i) => new object?[] { (long)i + 1, t, $"Person{i}", "USA" }).ToList();
        var rareModel = await TableSynthesizer.FitAsync(People("title_of_courtesy"), TestTable.AsAsync(employees), SynthesisOptions.Default, CancellationToken.None);
        var drawn = rareModel.Sample(200, new SamplingContext(8)).ToList();
        var gendered = drawn.Where(r => Genders.Of(r[1]) is not null).ToList();
        Assert.True(gendered.Count > 100, $"{gendered.Count} of 200 titles name a gender");
        Assert.All(gendered, r => Assert.Contains((string)r[2]!, Genders.Of(r[1]) == Name.Gender.Male ? MaleNames : FemaleNames));
    }

    [Fact]
    public void A_column_says_a_gender_when_most_of_its_rows_name_one_of_both()
    {
        static CategoricalColumnModel Column(string?[] values, long[] counts, string? hint = null) =>
            new() { Name = "c", Values = values, Counts = counts, OtherHint = hint };
        Assert.True(Genders.Tells(Column(["Mr.", "Ms.", "Dr."], [40, 50, 10])));
        Assert.True(Genders.Tells(Column(["M", "F"], [5, 6])));
        // Sizes: M among S and L is no sex; one gender alone says nothing to follow.
        Assert.False(Genders.Tells(Column(["S", "M", "L"], [10, 10, 10])));
        Assert.False(Genders.Tells(Column(["Mr.", "Dr."], [10, 10])));
        // Courtesy titles written anew (each rare) are titles whatever they were.
        Assert.True(Genders.Tells(Column([null], [9], "prefix")));
        Assert.Equal(Name.Gender.Female, Genders.Of(" Mrs. "));
        Assert.Null(Genders.Of("Dr."));
    }
}
