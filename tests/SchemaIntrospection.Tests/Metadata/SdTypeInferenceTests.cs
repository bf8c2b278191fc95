using Sdv.Connector.SchemaIntrospection.Metadata;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;
using static Sdv.Connector.SchemaIntrospection.Tests.SchemaBuilder;

namespace Sdv.Connector.SchemaIntrospection.Tests.Metadata;

public sealed class SdTypeInferenceTests
{
    private static (SdType, PiiKind?) Infer(string table, ColumnSchema column, IEnumerable<object?>? values = null)
    {
        var schema = new SchemaBuilder().Table(table, Int("id"), column).Build();
        ColumnProfile? profile = null;
        if (values is not null)
        {
            profile = new ColumnProfile();
            foreach (var v in values) profile.Observe(v);
        }
        return SdTypeInference.Infer(schema.Tables[0], schema.Tables[0].Column(column.Name), profile);
    }

    [Theory]
    [InlineData("customer", "Email", PiiKind.Email)]
    [InlineData("customer", "e_mail_address", PiiKind.Email)]
    [InlineData("customer", "Phone", PiiKind.Phone)]
    [InlineData("customer", "Fax", PiiKind.Fax)]
    [InlineData("customer", "FirstName", PiiKind.FirstName)]
    [InlineData("customer", "last_name", PiiKind.LastName)]
    [InlineData("employees", "name", PiiKind.PersonName)]
    [InlineData("customers", "contact_name", PiiKind.PersonName)]
    [InlineData("customer", "Address", PiiKind.StreetAddress)]
    [InlineData("invoice", "BillingAddress", PiiKind.StreetAddress)]
    [InlineData("customer", "City", PiiKind.City)]
    [InlineData("customer", "PostalCode", PiiKind.Postcode)]
    [InlineData("customer", "Company", PiiKind.Company)]
    [InlineData("login", "ip_address", PiiKind.IpAddress)]
    [InlineData("account", "iban", PiiKind.Iban)]
    [InlineData("person", "ssn", PiiKind.NationalId)]
    [InlineData("supplier", "HomePage", PiiKind.Url)]
    [InlineData("users", "username", PiiKind.Username)]
    public void String_columns_named_for_personal_data_are_pii(string table, string column, PiiKind kind)
    {
        Assert.Equal((SdType.Pii, kind), Infer(table, Column(column, LogicalType.String)));
    }

    [Theory]
    [InlineData("artist", "Name")]
    [InlineData("genre", "name")]
    public void A_name_outside_a_person_table_is_not_a_person_name(string table, string column)
    {
        Assert.NotEqual(SdType.Pii, Infer(table, Column(column, LogicalType.String)).Item1);
    }

    [Fact]
    public void Keys_are_ids_whatever_their_name()
    {
        var schema = new SchemaBuilder().Table("customer", Int("id"), Int("email_id")).Table("mail", "id").Fk("customer", "email_id", "mail").Build();
        Assert.Equal((SdType.Id, (PiiKind?)null), SdTypeInference.Infer(schema.Tables[0], schema.Tables[0].Column("email_id"), null));
        Assert.Equal((SdType.Id, (PiiKind?)null), SdTypeInference.Infer(schema.Tables[0], schema.Tables[0].Column("id"), null));
    }

    [Theory]
    [InlineData(LogicalType.Boolean, SdType.Boolean)]
    [InlineData(LogicalType.Decimal, SdType.Numerical)]
    [InlineData(LogicalType.Int32, SdType.Numerical)]
    [InlineData(LogicalType.Date, SdType.Datetime)]
    [InlineData(LogicalType.DateTimeWithTimeZone, SdType.Datetime)]
    [InlineData(LogicalType.Enum, SdType.Categorical)]
    [InlineData(LogicalType.Binary, SdType.Unsupported)]
    [InlineData(LogicalType.Spatial, SdType.Unsupported)]
    [InlineData(LogicalType.Uuid, SdType.Id)]
    public void Types_decide_where_names_say_nothing(LogicalType type, SdType expected)
    {
        Assert.Equal(expected, Infer("thing", Column("value", type)).Item1);
    }

    [Fact]
    public void Values_shaped_like_emails_make_an_email_column_whatever_its_name()
    {
        var values = Enumerable.Range(0, 100).Select(i => (object?)$"user{i}@example.org");
        Assert.Equal((SdType.Pii, PiiKind.Email), Infer("thing", Column("contact", LogicalType.String), values));
    }

    [Fact]
    public void Few_distinct_labels_are_categorical_and_many_distinct_titles_are_text()
    {
        var labels = Enumerable.Range(0, 200).Select(i => (object?)(i % 3 == 0 ? "MPEG audio file" : i % 3 == 1 ? "AAC audio file" : null));
        Assert.Equal(SdType.Categorical, Infer("media", Column("kind", LogicalType.String), labels).Item1);
        var titles = Enumerable.Range(0, 200).Select(i => (object?)$"Song number {i}");
        Assert.Equal(SdType.Text, Infer("track", Column("title", LogicalType.String), titles).Item1);
    }

    [Fact]
    public void Country_and_state_stay_categorical()
    {
        Assert.Equal(SdType.Categorical, Infer("customer", Column("Country", LogicalType.String)).Item1);
        Assert.Equal(SdType.Categorical, Infer("customer", Column("State", LogicalType.String)).Item1);
    }
}
