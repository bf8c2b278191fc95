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
    public void Few_distinct_labels_and_many_distinct_names_or_titles_are_categorical()
    {
        var labels = Enumerable.Range(0, 200).Select(i => (object?)(i % 3 == 0 ? "MPEG audio file" : i % 3 == 1 ? "AAC audio file" : null));
        Assert.Equal(SdType.Categorical, Infer("media", Column("kind", LogicalType.String), labels).Item1);
        // Names of things and titles are categories, as SDV detects them; the model decides how to draw the many-valued ones.
        var titles = Enumerable.Range(0, 200).Select(i => (object?)$"The Song Number {i} Of Us");
        Assert.Equal(SdType.Categorical, Infer("track", Column("title", LogicalType.String), titles).Item1);
    }

    [Fact]
    public void Long_values_and_sentences_are_free_text()
    {
        var sentences = Enumerable.Range(0, 200).Select(i => (object?)$"Patient {i} reported mild pain after the visit today");
        Assert.Equal(SdType.Text, Infer("visit", Column("remark", LogicalType.String), sentences).Item1);
        var long_ = Enumerable.Range(0, 50).Select(i => (object?)(new string('x', 70) + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(SdType.Text, Infer("thing", Column("blob_text", LogicalType.String), long_).Item1);
    }

    [Theory]
    [InlineData(LogicalType.String, "payer_code", SdType.Categorical)]
    [InlineData(LogicalType.Text, "payer_code", SdType.Categorical)]
    [InlineData(LogicalType.Text, "notes", SdType.Text)]
    [InlineData(LogicalType.Text, "order_description", SdType.Text)]
    [InlineData(LogicalType.String, "notes", SdType.Categorical)]
    public void A_column_without_any_value_is_decided_by_type_and_name_not_called_free_text(LogicalType type, string name, SdType expected)
    {
        var nulls = Enumerable.Repeat<object?>(null, 500);
        var schema = new SchemaBuilder().Table("encounter", Int("id"), Column(name, type)).Build();
        var decision = SdTypeInference.Decide(schema.Tables[0], schema.Tables[0].Column(name), Profile(nulls));
        Assert.Equal(expected, decision.SdType);
        Assert.StartsWith("no value set in the whole column", decision.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_decision_carries_its_rule_and_evidence()
    {
        var schema = new SchemaBuilder().Table("encounter", Int("id"), Column("payer_code", LogicalType.String), Column("email", LogicalType.String), Column("paid", LogicalType.Decimal)).Build();
        var profile = Profile(Enumerable.Range(0, 400).Select(i => (object?)(i % 4 == 0 ? null : "P" + (i % 17).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        profile.WholeTable = true;
        var applied = SdTypeInference.Apply(schema, new Dictionary<QualifiedName, IReadOnlyDictionary<string, ColumnProfile>>
        {
            [schema.Tables[0].Name] = new Dictionary<string, ColumnProfile> { ["payer_code"] = profile },
        }).Tables[0];
        var code = applied.Column("payer_code").Inference!;
        Assert.Equal("values: 17 distinct short values", code.Rule);
        Assert.Equal((400, true, 0.25, 300, 17), (code.SampleRows!.Value, code.WholeTable, code.NullShare!.Value, code.Values!.Value, code.Distinct!.Value));
        Assert.Equal("key: in the primary key", applied.Column("id").Inference!.Rule);
        Assert.Equal("name: 'email' names Email", applied.Column("email").Inference!.Rule);
        Assert.Equal("type: DECIMAL", applied.Column("paid").Inference!.Rule);
        Assert.Null(applied.Column("paid").Inference!.SampleRows);
    }

    [Fact]
    public void The_null_share_of_a_column_counted_in_the_whole_table_is_the_tables()
    {
        var profile = Profile(Enumerable.Range(0, 300).Select(i => (object?)"MC"));
        profile.NonNullInTable = 6_000;
        profile.TableRows = 10_000;
        Assert.Equal(0.4, profile.NullShare, 6);
    }

    private static ColumnProfile Profile(IEnumerable<object?> values)
    {
        var profile = new ColumnProfile();
        foreach (var v in values) profile.Observe(v);
        return profile;
    }

    [Fact]
    public void Country_and_state_stay_categorical()
    {
        Assert.Equal(SdType.Categorical, Infer("customer", Column("Country", LogicalType.String)).Item1);
        Assert.Equal(SdType.Categorical, Infer("customer", Column("State", LogicalType.String)).Item1);
    }

    /// <summary>
    /// Columns of a composite primary key: ids where they are in a foreign key, an identity, numbered within the parent
    /// whose key completes them, or distinct in every sampled row; values otherwise (a locale, a tenant).
    /// </summary>
    [Theory]
    [InlineData("translation", "entity_id", null, SdType.Id, "key: in a foreign key", false)]
    [InlineData("translation", "locale", "en,en,en,en,de,de,fr,en", SdType.Categorical, "values: 3 distinct short values", true)]
    [InlineData("translation", "locale", null, SdType.Categorical, "no values read: decided by type STRING and name", true)]
    [InlineData("line", "line_no", null, SdType.Id, "key: numbered within its parent in the primary key", true)]
    [InlineData("revision", "rev", "distinct", SdType.Id, "key: every value of the primary key's column distinct", true)]
    [InlineData("revision", "rev", "1,2,3,4,5", SdType.Numerical, "type: INTEGER", true)]
    [InlineData("item", "tenant_id", "1,2,3,4,5", SdType.Numerical, "type: INTEGER", true)]
    [InlineData("item", "id", null, SdType.Id, "key: an identity in the primary key", false)]
    [InlineData("entity", "id", null, SdType.Id, "key: in the primary key", false)]
    public void Columns_of_a_composite_key_are_ids_or_values(string tableName, string column, string? values, SdType expected, string rule, bool profiled)
    {
        var schema = new SchemaBuilder()
            .Table("entity", Int("id"))
            .Table("translation", Int("entity_id"), Column("locale", LogicalType.String, nullable: false), Column("label", LogicalType.String)).Key("translation", "entity_id", "locale")
            .Fk("translation", "entity_id", "entity")
            .Table("line", Int("entity_id"), Int("line_no")).Key("line", "entity_id", "line_no").Fk("line", "entity_id", "entity")
            .Table("revision", Int("entity_id"), Int("rev"), Column("langcode", LogicalType.String)).Key("revision", "entity_id", "rev", "langcode").Fk("revision", "entity_id", "entity")
            .Table("item", Int("tenant_id"), Int("id") with { Identity = IdentityKind.Identity }).Key("item", "tenant_id", "id")
            .Build();
        var table = schema.Tables.Single(t => t.Name.Name == tableName);
        ColumnProfile? profile = null;
        if (values is not null)
        {
            profile = new ColumnProfile();
            var observed = values == "distinct" ? Enumerable.Range(1, 50).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)) : values.Split(',');
            foreach (var v in observed) profile.Observe(v);
        }

        var decision = SdTypeInference.Decide(table, table.Column(column), profile);

        Assert.Equal((expected, rule), (decision.SdType, decision.Rule));
        Assert.Equal(profiled, SdTypeInference.IsProfiled(table, table.Column(column)));
    }
}
