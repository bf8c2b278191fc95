using Sdv.Connector.SchemaIntrospection.Metadata;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;
using static Sdv.Connector.SchemaIntrospection.Tests.SchemaBuilder;

namespace Sdv.Connector.SchemaIntrospection.Tests.Metadata;

/// <summary>People's names read from the values, whatever the column is called, and the labels that only look like them.</summary>
public sealed class PersonNameValuesTests
{
    [Theory]
    [InlineData("Charles Johnson", "FirstNameFirst")]
    [InlineData("Mary Ann Thomas", "FirstNameFirst")]
    [InlineData("Jean-Luc O'Brien", "FirstNameFirst")]
    [InlineData("Karl E. Müller", "FirstNameFirst")]
    [InlineData("Johnson, Charles", "FamilyNameFirst")]
    [InlineData("Van Dyke, Sarah J.", "FamilyNameFirst")]
    [InlineData("Sales Support Agent", "FirstNameFirst")]
    [InlineData("charles johnson", "None")]
    [InlineData("Johnson", "None")]
    [InlineData("Charles J.", "None")]
    [InlineData("J. Johnson", "None")]
    [InlineData("Angus Young, Malcolm Young, Brian Johnson", "None")]
    [InlineData("Springfield, Illinois", "FamilyNameFirst")]
    [InlineData("ORD-2041 Charles", "None")]
    public void A_value_is_shaped_like_a_name_in_one_form_or_none(string value, string expected) =>
        Assert.Equal(expected, PersonNameValues.Of(value).Form.ToString());

    [Theory]
    [InlineData("Charles Johnson", true)]
    [InlineData("Johnson, Charles", true)]
    [InlineData("Jean-Luc Picard", true)]
    [InlineData("Sales Support Agent", false)]
    [InlineData("Springfield, Illinois", false)]
    [InlineData("Olusegun Adeyemi", false)]
    public void A_value_shaped_like_a_name_may_have_a_known_first_name(string value, bool known) =>
        Assert.Equal(known, PersonNameValues.Of(value).KnownFirstName);

    [Fact]
    public void A_column_of_names_is_a_person_name_whatever_it_is_called()
    {
        var (sdType, pii) = Infer("tickets", "handled", ["Charles Johnson", "Maria Garcia", "Wei Chen", "Anna Kowalski", "Peter Brown"]);
        Assert.Equal((SdType.Pii, PiiKind.PersonName), (sdType, pii));
    }

    [Fact]
    public void A_column_of_names_written_family_name_first_keeps_that_form()
    {
        var (sdType, pii) = Infer("books", "author_sort", ["Johnson, Charles", "Garcia, Maria", "Chen, Wei", "Kowalski, Anna", "Brown, Peter"]);
        Assert.Equal((SdType.Pii, PiiKind.SortName), (sdType, pii));
        Assert.Equal("name", SdvNames.Pii(PiiKind.SortName));
    }

    [Fact]
    public void Names_in_a_column_a_public_role_names_are_the_data()
    {
        var (sdType, _) = Infer("tracks", "composer", ["Charles Johnson", "Maria Garcia", "Wei Chen", "Anna Kowalski", "Peter Brown"]);
        Assert.Equal(SdType.Categorical, sdType);
    }

    [Fact]
    public void Titles_shaped_like_names_stay_categories()
    {
        // Shaped like names, but only two of five start with a known first name ("Grant Park", "Golden Hits").
        var (sdType, _) = Infer("albums", "title", ["Grant Park", "Rock Anthology", "Blue Train", "Golden Hits", "Northern Lights"]);
        Assert.Equal(SdType.Categorical, sdType);
    }

    [Fact]
    public void Names_a_first_name_list_does_not_all_know_are_still_names()
    {
        var (sdType, pii) = Infer("visits", "seen", ["Olusegun Adeyemi", "Kenji Watanabe", "Margaret Holloway", "Lucia Fernandez", "Xiadani Okonkwo"]);
        Assert.Equal((SdType.Pii, PiiKind.PersonName), (sdType, pii));
    }

    private static (SdType, PiiKind?) Infer(string table, string column, string[] values)
    {
        var schema = new SchemaBuilder().Table(table, Int("row_key"), Column(column, LogicalType.String)).Build();
        var profile = new ColumnProfile();
        for (var i = 0; i < 40; i++) profile.Observe(values[i % values.Length]);
        return SdTypeInference.Infer(schema.Tables[0], schema.Tables[0].Column(column), profile);
    }
}
