using Sdv.Connector.SchemaIntrospection.Metadata;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;
using static Sdv.Connector.SchemaIntrospection.Tests.SchemaBuilder;

namespace Sdv.Connector.SchemaIntrospection.Tests.Metadata;

/// <summary>
/// Metadata files in the shape SDV writes them (Files/: V1 as <c>Metadata</c> saves it and
/// MULTI_TABLE_V1 as the legacy class does, with Faker sdtypes, pii flags, datetime formats,
/// computer representations, alternate keys and relationships) applied to sources that declare no keys.
/// </summary>
public sealed class SdvWrittenMetadataTests
{
    private static string File(string name) => System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Metadata", "Files", name));

    private static ColumnSchema S(string name) => Column(name, LogicalType.String);

    private static DatabaseSchema Keyless(SchemaBuilder builder)
    {
        var schema = builder.Build();
        return SdTypeInference.Apply(schema with { Tables = schema.Tables.Select(t => t with { PrimaryKey = null }).ToList() });
    }

    private static DatabaseSchema Trading() => Keyless(new SchemaBuilder()
        .Table("customers", S("customer_id"), S("company_name"), S("contact_name"), S("contact_title"), S("address"), S("city"), S("region"),
            S("postal_code"), S("country"), S("phone"), S("fax"))
        .Table("employees", Int("employee_id"), S("last_name"), S("first_name"), S("title"), Column("birth_date", LogicalType.Date), S("hire_date"),
            S("home_region"), S("photo_path"), Column("notes", LogicalType.Text), Int("reports_to", nullable: true), S("badge"), S("car"))
        .Table("orders", Int("order_id"), S("customer_id"), Int("employee_id"), Column("order_date", LogicalType.DateTime), Column("freight", LogicalType.Decimal),
            Int("quantity"), S("ship_name"), S("ship_country"), Column("shipped", LogicalType.Boolean), S("tracking_code")));

    [Fact]
    public void A_v1_file_with_faker_sdtypes_is_applied_whole()
    {
        var applied = MetadataJson.Apply(Trading(), File("sdv-v1-trading.json"), "sdv-v1-trading.json");
        var customers = applied.Tables.Single(t => t.Name.Name == "customers");
        var employees = applied.Tables.Single(t => t.Name.Name == "employees");
        var orders = applied.Tables.Single(t => t.Name.Name == "orders");
        (SdType, PiiKind?) Of(TableSchema t, string c) => (t.Column(c).SdType, t.Column(c).PiiKind);

        Assert.Equal((SdType.Pii, PiiKind.Company), Of(customers, "company_name"));
        Assert.Equal((SdType.Pii, PiiKind.PersonName), Of(customers, "contact_name"));
        Assert.Equal((SdType.Categorical, (PiiKind?)null), Of(customers, "contact_title"));
        Assert.Equal((SdType.Pii, PiiKind.StreetAddress), Of(customers, "address"));
        Assert.Equal((SdType.Pii, PiiKind.State), Of(customers, "region"));
        Assert.Equal((SdType.Pii, PiiKind.Postcode), Of(customers, "postal_code"));
        // pii absent means true, as in SDV.
        Assert.Equal((SdType.Pii, PiiKind.Phone), Of(customers, "fax"));
        Assert.Equal((SdType.Pii, PiiKind.JobTitle), Of(employees, "title"));
        Assert.Equal((SdType.Pii, PiiKind.StateAbbreviation), Of(employees, "home_region"));
        Assert.Equal((SdType.Pii, PiiKind.ImageUrl), Of(employees, "photo_path"));
        Assert.Equal((SdType.Pii, PiiKind.LicensePlate), Of(employees, "car"));
        Assert.Equal((SdType.Text, (PiiKind?)null), Of(employees, "notes"));
        Assert.Equal((SdType.Numerical, (PiiKind?)null), Of(employees, "reports_to"));
        Assert.Equal("%d/%m/%Y", employees.Column("hire_date").DatetimeFormat);
        Assert.Equal(SdType.Datetime, employees.Column("hire_date").SdType);
        // A Faker method without a generator of its own: accepted, a stand-in named in a warning.
        Assert.Equal((SdType.Pii, PiiKind.Word), Of(employees, "badge"));
        var warning = Assert.Single(applied.Warnings, w => w.Contains("military_ship", StringComparison.Ordinal));
        Assert.Contains("tables.employees.columns.badge", warning, StringComparison.Ordinal);
        Assert.Contains("random words", warning, StringComparison.Ordinal);
        // pii: false on a semantic sdtype: SDV models it as a category, and so do we.
        Assert.Equal((SdType.Categorical, (PiiKind?)null), Of(orders, "ship_name"));
        Assert.Equal((SdType.Pii, PiiKind.CountryCode), Of(orders, "ship_country"));
        Assert.Equal((SdType.Numerical, (PiiKind?)null), Of(orders, "freight"));

        Assert.Equal(["customer_id"], customers.PrimaryKey!.Columns);
        Assert.Equal(["order_id"], orders.PrimaryKey!.Columns);
        Assert.Equal(["tracking_code"], Assert.Single(orders.UniqueKeys).Columns);
        Assert.Equal(
            ["orders(customer_id) -> customers(customer_id)", "orders(employee_id) -> employees(employee_id)"],
            orders.ForeignKeys.Select(f => f.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_multi_table_v1_file_is_applied_and_written_back_valid()
    {
        var live = Keyless(new SchemaBuilder()
            .Table("artist", Int("artist_id"), S("name"))
            .Table("album", Int("album_id"), S("title"), Int("artist_id"))
            .Table("track", Int("track_id"), S("name"), Int("album_id"), S("composer"), Int("milliseconds"), Column("unit_price", LogicalType.Decimal),
                S("media"), S("genre")));
        var applied = MetadataJson.Apply(live, File("sdv-multi-table-v1-music.json"), "music.json");
        var track = applied.Tables.Single(t => t.Name.Name == "track");
        Assert.Equal(SdType.Categorical, track.Column("composer").SdType);
        Assert.Equal(SdType.Categorical, track.Column("genre").SdType);
        // SDV's unknown with pii is anonymised: a random code.
        Assert.Equal((SdType.Pii, PiiKind.Code), (track.Column("media").SdType, track.Column("media").PiiKind));
        Assert.Equal(["track_id"], track.PrimaryKey!.Columns);
        Assert.Equal("album", Assert.Single(track.ForeignKeys).PrincipalTable.Name);
        Assert.Equal("artist", Assert.Single(applied.Tables.Single(t => t.Name.Name == "album").ForeignKeys).PrincipalTable.Name);
        Assert.Empty(applied.Warnings);

        var written = MetadataJson.Write(applied);
        Assert.Empty(SdvMetadataValidator.Violations(written));
        Assert.Equal(2, System.Text.Json.Nodes.JsonNode.Parse(written)!["relationships"]!.AsArray().Count);
    }

    [Fact]
    public void The_files_themselves_follow_sdvs_rules()
    {
        Assert.Empty(SdvMetadataValidator.Violations(File("sdv-v1-trading.json")));
        Assert.Empty(SdvMetadataValidator.Violations(File("sdv-multi-table-v1-music.json")));
    }

    [Fact]
    public void The_validator_finds_what_sdv_refuses()
    {
        const string bad = """
        {"METADATA_SPEC_VERSION": "MULTI_TABLE_V1", "sdv_connector": {},
         "tables": {
           "a": {"primary_key": "ip", "sdv_connector": {}, "columns": {"ip": {"sdtype": "ipv4_address"}, "f": {"sdtype": "fax_number"},
                 "n": {"sdtype": "numerical", "computer_representation": "Decimal"}, "d": {"sdtype": "datetime", "datetime_format": "%Y-%Q"}}},
           "b": {"primary_key": "id", "columns": {"id": {"sdtype": "id"}, "a_ip": {"sdtype": "id"}, "parent": {"sdtype": "id"}}}},
         "relationships": [
           {"parent_table_name": "a", "child_table_name": "b", "parent_primary_key": "ip", "child_foreign_key": "a_ip"},
           {"parent_table_name": "b", "child_table_name": "b", "parent_primary_key": "id", "child_foreign_key": "parent"}]}
        """;
        var violations = SdvMetadataValidator.Violations(bad);
        Assert.Contains(violations, v => v.Contains("top-level key 'sdv_connector'", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("a: table key 'sdv_connector'", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("sdtype 'fax_number'", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("primary_key sdtype 'ipv4_address'", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("computer_representation", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("datetime_format", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("cycle through b", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("the parent has no primary key", StringComparison.Ordinal));
    }
}
