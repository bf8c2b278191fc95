using System.Text.Json.Nodes;
using Sdv.Connector.SchemaIntrospection.Metadata;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;
using static Sdv.Connector.SchemaIntrospection.Tests.SchemaBuilder;

namespace Sdv.Connector.SchemaIntrospection.Tests.Metadata;

public sealed class MetadataJsonTests
{
    private static DatabaseSchema Schema() => SdTypeInference.Apply(new SchemaBuilder()
        .Table("users", Int("user_id"), Column("email", LogicalType.String), Column("age", LogicalType.Int32), Column("signup", LogicalType.Date))
        .Table("orders", Int("order_id"), Int("user_id"), Column("paid", LogicalType.Boolean))
        .Table("pairs", Int("a"), Int("b"))
        .Key("pairs", "a", "b")
        .Fk("orders", "user_id", "users", "user_id")
        .Build());

    [Fact]
    public void Writes_sdv_multi_table_v1_with_our_extras_apart()
    {
        var json = JsonNode.Parse(MetadataJson.Write(Schema()))!;
        Assert.Equal("MULTI_TABLE_V1", json["METADATA_SPEC_VERSION"]!.GetValue<string>());
        var users = json["tables"]!["users"]!;
        Assert.Equal("user_id", users["primary_key"]!.GetValue<string>());
        Assert.Equal("email", users["columns"]!["email"]!["sdtype"]!.GetValue<string>());
        Assert.True(users["columns"]!["email"]!["pii"]!.GetValue<bool>());
        Assert.Equal("Int32", users["columns"]!["age"]!["computer_representation"]!.GetValue<string>());
        Assert.Equal("%Y-%m-%d", users["columns"]!["signup"]!["datetime_format"]!.GetValue<string>());
        var relationship = Assert.Single(json["relationships"]!.AsArray())!;
        Assert.Equal("users", relationship["parent_table_name"]!.GetValue<string>());
        Assert.Equal("user_id", relationship["child_foreign_key"]!.GetValue<string>());
        // A composite key has no SDV field: it lives under our own key only.
        Assert.Null(json["tables"]!["pairs"]!["primary_key"]);
        Assert.Equal(["a", "b"], json["tables"]!["pairs"]![MetadataJson.Extension]!["primary_key"]!.AsArray().Select(n => n!.GetValue<string>()));
        // SDV's column keys are only the ones its spec allows.
        foreach (var (_, table) in json["tables"]!.AsObject())
        {
            foreach (var (_, column) in table!["columns"]!.AsObject())
            {
                Assert.All(column!.AsObject().Select(p => p.Key), k => Assert.Contains(k, new[] { "sdtype", "pii", "computer_representation", "datetime_format" }));
            }
        }
    }

    [Fact]
    public void Round_trip_applies_the_users_edits_and_keeps_the_rest()
    {
        var schema = Schema();
        var json = JsonNode.Parse(MetadataJson.Write(schema))!;
        json["tables"]!["users"]!["columns"]!["age"]!.AsObject()["sdtype"] = "categorical";
        json["tables"]!["users"]!["columns"]!["age"]!.AsObject().Remove("computer_representation");
        var applied = MetadataJson.Apply(schema, json.ToJsonString(), "m.json");
        var users = applied.Tables.Single(t => t.Name.Name == "users");
        Assert.Equal(SdType.Categorical, users.Column("age").SdType);
        Assert.Equal(SdType.Pii, users.Column("email").SdType);
        Assert.Equal(PiiKind.Email, users.Column("email").PiiKind);
        Assert.Equal(MetadataJson.Write(schema with { Tables = schema.Tables.Select(t => t.Name.Name == "users" ? users : t).ToList() }),
            MetadataJson.Write(applied));
    }

    [Fact]
    public void A_file_that_contradicts_the_database_is_refused_with_every_place_named()
    {
        var schema = Schema();
        var json = JsonNode.Parse(MetadataJson.Write(schema))!;
        json["tables"]!["ghosts"] = new JsonObject { ["columns"] = new JsonObject() };
        json["tables"]!["users"]!["columns"]!["shoe_size"] = new JsonObject { ["sdtype"] = "numerical" };
        json["tables"]!["users"]!["columns"]!["age"]!.AsObject()["sdtype"] = "banana";
        json["tables"]!["orders"]!["primary_key"] = "paid";
        var error = Assert.Throws<MetadataException>(() => MetadataJson.Apply(schema, json.ToJsonString(), "m.json"));
        Assert.Contains("tables.ghosts", error.Message, StringComparison.Ordinal);
        Assert.Contains("tables.users.columns.shoe_size", error.Message, StringComparison.Ordinal);
        Assert.Contains("tables.users.columns.age.sdtype: 'banana'", error.Message, StringComparison.Ordinal);
        Assert.Contains("tables.orders.primary_key", error.Message, StringComparison.Ordinal);
        Assert.Contains("4 problems", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_names_the_line()
    {
        var error = Assert.Throws<MetadataException>(() => MetadataJson.Apply(Schema(), "{\n  \"tables\": {,\n}", "m.json"));
        Assert.Contains("m.json: not valid JSON (line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Relationship_in_the_file_adds_a_logical_foreign_key_and_a_key_for_a_table_without_one()
    {
        var schema = new SchemaBuilder().Table("a", "id").Table("b", "id", "a_id").Build();
        schema = schema with { Tables = [schema.Tables[0] with { PrimaryKey = null }, schema.Tables[1]] };
        schema = SdTypeInference.Apply(schema);
        var json = JsonNode.Parse(MetadataJson.Write(schema))!;
        json["tables"]!["a"]!.AsObject()["primary_key"] = "id";
        json["relationships"]!.AsArray().Add(new JsonObject
        {
            ["parent_table_name"] = "a", ["child_table_name"] = "b", ["parent_primary_key"] = "id", ["child_foreign_key"] = "a_id",
        });
        var applied = MetadataJson.Apply(schema, json.ToJsonString(), "m.json");
        Assert.Equal(["id"], applied.Tables[0].PrimaryKey!.Columns);
        var fk = Assert.Single(applied.Tables[1].ForeignKeys);
        Assert.Equal("a", fk.PrincipalTable.Name);
    }
}
