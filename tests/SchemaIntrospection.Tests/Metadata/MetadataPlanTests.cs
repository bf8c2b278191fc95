using System.Text.Json.Nodes;
using Sdv.Connector.SchemaIntrospection.Metadata;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;
using static Sdv.Connector.SchemaIntrospection.Tests.SchemaBuilder;

namespace Sdv.Connector.SchemaIntrospection.Tests.Metadata;

/// <summary>
/// Each table's generation plan in the sidecar (<c>tables.NAME.plan</c>): written as introspect decided it, read
/// back by <c>--metadata</c> as the user's word, and refused with the table's keys named where it names no key.
/// </summary>
public sealed class MetadataPlanTests
{
    private static QualifiedName Name(string table) => new(null, table);

    /// <summary>An employee tree, customers pointing at a support rep, invoices, and a lookup of genres.</summary>
    private static DatabaseSchema Schema() => SdTypeInference.Apply(new SchemaBuilder()
        .Table("genre", Int("id"), Column("name", LogicalType.String))
        .Table("employee", Int("id"), Int("reports_to", nullable: true))
        .Table("customer", Int("id"), Int("support_rep_id", nullable: true))
        .Table("invoice", Int("id"), Int("customer_id"), Int("genre_id"))
        .Fk("employee", "reports_to", "employee")
        .Fk("customer", "support_rep_id", "employee")
        .Fk("invoice", "customer_id", "customer")
        .Fk("invoice", "genre_id", "genre")
        .Build());

    private static readonly Dictionary<QualifiedName, TablePlanChoice> Decided = new()
    {
        [Name("genre")] = new(true, null, null, "a lookup table: 25 rows of labels"),
        [Name("employee")] = new(false, null, null, "a root table: it references no generated table", "8 rows: entities"),
        [Name("customer")] = new(false, null, null, "a root table: employee is a small parent", "59 rows: entities"),
        [Name("invoice")] = new(false, ["customer_id"], Name("customer"), "belongs to customer: its key is NOT NULL", "no table references it"),
    };

    private static JsonObject Sidecar() => JsonNode.Parse(MetadataJson.WriteSidecar(Schema(), "m.json", Decided))!.AsObject();

    private static DatabaseSchema Apply(JsonObject sidecar) =>
        MetadataJson.Apply(Schema(), new MetadataSource(MetadataJson.Write(Schema()), "m.json", sidecar.ToJsonString(), "m.sdv-connector.json"));

    private static JsonObject PlanOf(JsonObject sidecar, string table) => sidecar["tables"]![table]!["plan"]!.AsObject();

    [Fact]
    public void The_plan_is_written_per_table_beside_the_metadata_that_sdv_reads_unchanged()
    {
        var sidecar = Sidecar();
        Assert.Equal("""{"reference_table":true,"why":"a lookup table: 25 rows of labels"}""", PlanOf(sidecar, "genre").ToJsonString());
        Assert.Equal("root", PlanOf(sidecar, "customer")["primary_parent"]!.GetValue<string>());
        var invoice = PlanOf(sidecar, "invoice");
        Assert.Equal(["customer_id"], invoice["primary_parent"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("customer", invoice["parent_table"]!.GetValue<string>());
        Assert.Equal("no table references it", invoice["why_generated"]!.GetValue<string>());
        // SDV's file has no field for it and gets none.
        Assert.DoesNotContain("plan", MetadataJson.Write(Schema()), StringComparison.Ordinal);
        Assert.Empty(SdvMetadataValidator.Violations(MetadataJson.Write(Schema())));
    }

    [Fact]
    public void Read_back_the_written_plan_is_the_users_word_on_every_table()
    {
        var applied = Apply(Sidecar());
        Assert.True(applied.Table(Name("genre")).ReferenceOverride);
        Assert.Null(applied.Table(Name("genre")).PrimaryParentOverride);
        Assert.False(applied.Table(Name("customer")).ReferenceOverride);
        Assert.Equal(string.Empty, applied.Table(Name("customer")).PrimaryParentOverride);
        Assert.Equal("customer_id", applied.Table(Name("invoice")).PrimaryParentOverride);
    }

    [Fact]
    public void An_edited_plan_changes_the_overrides()
    {
        var sidecar = Sidecar();
        PlanOf(sidecar, "customer")["primary_parent"] = new JsonArray("support_rep_id");
        PlanOf(sidecar, "customer")["parent_table"] = "employee";
        PlanOf(sidecar, "invoice")["primary_parent"] = "root";
        PlanOf(sidecar, "genre")["reference_table"] = false;
        var applied = Apply(sidecar);
        Assert.Equal("support_rep_id", applied.Table(Name("customer")).PrimaryParentOverride);
        Assert.Equal(string.Empty, applied.Table(Name("invoice")).PrimaryParentOverride);
        Assert.False(applied.Table(Name("genre")).ReferenceOverride);
    }

    [Fact]
    public void A_sidecar_without_a_plan_leaves_the_choice_to_the_data()
    {
        var applied = MetadataJson.Apply(Schema(), new MetadataSource(MetadataJson.Write(Schema()), "m.json", MetadataJson.WriteSidecar(Schema(), "m.json"), "m.sdv-connector.json"));
        Assert.All(applied.Tables, t => Assert.Null(t.ReferenceOverride));
        Assert.All(applied.Tables, t => Assert.Null(t.PrimaryParentOverride));
    }

    [Theory]
    [InlineData("customer", "primary_parent", "[\"support_rep\"]",
        "m.sdv-connector.json tables.customer.plan.primary_parent: (support_rep) is not a foreign key of customer; its foreign keys are [\"support_rep_id\"] -> employee. Give one of them, or \"root\".")]
    [InlineData("genre", "primary_parent", "[\"name\"]",
        "tables.genre.plan.primary_parent: (name) is not a foreign key of genre; it has none, so it can only be \"root\".")]
    [InlineData("employee", "primary_parent", "[\"reports_to\"]",
        "tables.employee.plan.primary_parent: (reports_to) points at employee itself; its rows form trees")]
    [InlineData("invoice", "parent_table", "\"genre\"",
        "tables.invoice.plan: primary_parent (customer_id) points at customer, but parent_table says genre; its foreign keys are [\"customer_id\"] -> customer; [\"genre_id\"] -> genre.")]
    [InlineData("invoice", "primary_parent", "42",
        "tables.invoice.plan.primary_parent: must be \"root\" or the child columns of one of the table's foreign keys (such as [\"CustomerId\"]), not 42.")]
    [InlineData("invoice", "reference_table", "\"yes\"",
        "tables.invoice.plan.reference_table: must be true (copied verbatim) or false (generated), not \"yes\".")]
    public void A_plan_that_does_not_fit_the_table_is_refused_with_its_keys_named(string table, string field, string value, string message)
    {
        var sidecar = Sidecar();
        PlanOf(sidecar, table)[field] = JsonNode.Parse(value);
        var error = Assert.Throws<MetadataException>(() => Apply(sidecar));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("(1 problem)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_that_is_not_an_object_is_refused()
    {
        var sidecar = Sidecar();
        sidecar["tables"]!["invoice"]!["plan"] = "customer";
        var error = Assert.Throws<MetadataException>(() => Apply(sidecar));
        Assert.Contains("tables.invoice.plan: must be an object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_primary_parent_given_as_one_column_name_is_that_key()
    {
        var sidecar = Sidecar();
        PlanOf(sidecar, "invoice")["primary_parent"] = "customer_id";
        Assert.Equal("customer_id", Apply(sidecar).Table(Name("invoice")).PrimaryParentOverride);
    }
}
