using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Generators;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.Sampling;

/// <summary>A table of US states whose names and abbreviations are each one of a kind: both written anew, and still a pair.</summary>
public sealed class StateAbbreviationTests
{
    private static readonly (string Name, string Code)[] States =
    [
        ("Alabama", "AL"), ("Alaska", "AK"), ("Arizona", "AZ"), ("Arkansas", "AR"), ("California", "CA"), ("Colorado", "CO"),
        ("Connecticut", "CT"), ("Delaware", "DE"), ("Florida", "FL"), ("Georgia", "GA"), ("Hawaii", "HI"), ("Idaho", "ID"),
        ("Illinois", "IL"), ("Indiana", "IN"), ("Iowa", "IA"), ("Kansas", "KS"), ("Kentucky", "KY"), ("Louisiana", "LA"),
        ("Maine", "ME"), ("Maryland", "MD"), ("Massachusetts", "MA"), ("Michigan", "MI"), ("Minnesota", "MN"), ("Mississippi", "MS"),
    ];

    /// <summary>Northwind's us_states came out "South Dakota, SC", "Missouri, UT": every abbreviation is now its row's state's.</summary>
    [Fact]
    public async Task A_states_abbreviation_written_anew_is_the_abbreviation_of_its_rows_state()
    {
        var schema = new TableSchema
        {
            Name = new QualifiedName(null, "us_states"),
            Columns =
            [
                TestTable.Col("state_id", LogicalType.Int64, false) with { Ordinal = 1 },
                TestTable.Col("state_name", LogicalType.String, false) with { Ordinal = 2, MaxLength = 40, SdType = SdType.Categorical },
                TestTable.Col("state_abbr", LogicalType.String, false) with { Ordinal = 3, MaxLength = 2, SdType = SdType.Categorical },
            ],
            PrimaryKey = new KeySchema(null, ["state_id"]),
        };
        var rows = States.Select((s, i) => new object?[] { (long)i + 1, s.Name, s.Code }).ToList();
        var model = await TableSynthesizer.FitAsync(schema, TestTable.AsAsync(rows), SynthesisOptions.Default, CancellationToken.None);
        var synthetic = model.Sample(200, new SamplingContext(7)).ToList();

        var named = synthetic.Where(r => r[1] is string name && NameFallback.UsStateAbbreviation(name) is not null).ToList();
        Assert.True(named.Count >= 190, $"{named.Count} of 200 rows name a US state");
        Assert.All(named, r => Assert.Equal(NameFallback.UsStateAbbreviation((string)r[1]!), r[2]));
    }
    /// <summary>
    /// Suppliers in sixteen countries, a region for the American ones only, every value rare: a region written anew is a
    /// US state only in a US row. A row of a country Bogus has no locale for got one of the model's ("China, North
    /// Carolina"); a row of a locale without states got Bogus' US fallback. Both are now left empty.
    /// </summary>
    [Fact]
    public async Task A_region_written_anew_is_a_US_state_only_in_a_US_row()
    {
        var schema = new TableSchema
        {
            Name = new QualifiedName(null, "suppliers"),
            Columns =
            [
                TestTable.Col("id", LogicalType.Int64, false) with { Ordinal = 1 },
                TestTable.Col("country", LogicalType.String, false) with { Ordinal = 2, MaxLength = 20, SdType = SdType.Categorical },
                TestTable.Col("region", LogicalType.String, true) with { Ordinal = 3, MaxLength = 20, SdType = SdType.Categorical },
            ],
            PrimaryKey = new KeySchema(null, ["id"]),
        };
        string[] countries = ["USA", "Japan", "Denmark", "France", "Germany", "Italy", "Sweden", "Norway", "Finland", "Spain", "Brazil", "Singapore", "Netherlands", "UK", "Australia", "Canada"];
        var rows = Enumerable.Range(0, 2 * countries.Length)
            .Select(i => new object?[] { (long)i, countries[i / 2], countries[i / 2] == "USA" ? States[i].Code : null }).ToList();
        var model = await TableSynthesizer.FitAsync(schema, TestTable.AsAsync(rows), SynthesisOptions.Default, CancellationToken.None);
        var synthetic = model.Sample(1000, new SamplingContext(9)).ToList();

        var withState = synthetic.Where(r => r[2] is string region && NameFallback.IsPublicListValue("state", region)).ToList();
        Assert.NotEmpty(withState);
        Assert.All(withState, r => Assert.Equal("en_US", CountryLocales.Of(r[1])));
    }
}
