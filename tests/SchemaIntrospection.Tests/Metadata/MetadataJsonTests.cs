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

    /// <summary>Everything SDV cannot hold: a self-reference, a two-table cycle, a composite key and foreign key, a fax, an unsupported column, a non-Faker pii key.</summary>
    private static DatabaseSchema Awkward()
    {
        var schema = new SchemaBuilder()
            .Table("employee", Int("employee_id"), Int("manager_id", nullable: true), Column("fax", LogicalType.String), Column("photo", LogicalType.Binary),
                Column("badge", LogicalType.String), Column("hired", LogicalType.DateTime))
            .Table("department", Int("department_id"), Int("head_id", nullable: true))
            .Table("team", Int("team_id"), Int("department_id"))
            .Table("shift", Int("employee_id"), Int("day"))
            .Table("swap", Int("swap_id"), Int("employee_id"), Int("day"))
            .Table("login", Int("login_id"), Column("ip", LogicalType.String), Column("at", LogicalType.DateTime))
            .Table("visit", Int("visit_id"), Column("ip", LogicalType.String))
            .Key("shift", "employee_id", "day")
            .Fk("employee", "manager_id", "employee", "employee_id")
            .Fk("department", "head_id", "team", "team_id")
            .Fk("team", "department_id", "department", "department_id")
            .Fk("visit", "ip", "login", "ip")
            .Build();
        schema = SdTypeInference.Apply(schema);
        var swap = schema.Tables.Single(t => t.Name.Name == "swap");
        var employee = schema.Tables.Single(t => t.Name.Name == "employee");
        return schema with
        {
            Tables = schema.Tables.Select(t => t.Name.Name switch
            {
                "swap" => swap with
                {
                    ForeignKeys = [new ForeignKeySchema { Name = "fk_swap_shift", Table = swap.Name, Columns = ["employee_id", "day"], PrincipalTable = new QualifiedName(null, "shift"), PrincipalColumns = ["employee_id", "day"] }],
                },
                "employee" => employee with
                {
                    Columns = employee.Columns.Select(c => c.Name == "badge" ? c with { SdType = SdType.Pii, PiiKind = PiiKind.LicenseNumber } : c).ToList(),
                    UniqueKeys = [new KeySchema("uq_badge", ["badge"])],
                },
                _ => t,
            }).ToList(),
        };
    }

    private static JsonNode Json(string text) => JsonNode.Parse(text)!;

    [Fact]
    public void Writes_sdv_multi_table_v1_that_sdvs_rules_accept()
    {
        var json = Json(MetadataJson.Write(Schema()));
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
        // A composite key has no SDV field: it lives in the sidecar only.
        Assert.Null(json["tables"]!["pairs"]!["primary_key"]);
        Assert.Empty(SdvMetadataValidator.Violations(MetadataJson.Write(Schema())));
    }

    [Fact]
    public void What_sdv_cannot_hold_goes_to_the_sidecar_and_the_metadata_still_validates()
    {
        var schema = Awkward();
        var text = MetadataJson.Write(schema);
        Assert.Empty(SdvMetadataValidator.Violations(text));
        var json = Json(text);
        var relationships = json["relationships"]!.AsArray().Select(r => $"{r!["child_table_name"]}.{r["child_foreign_key"]}->{r["parent_table_name"]}").ToList();
        // The self-reference, the cycle key the graph defers, the composite key and the key to a non-primary column are not SDV relationships.
        Assert.DoesNotContain("employee.manager_id->employee", relationships);
        Assert.Single(relationships, r => r is "department.head_id->team" or "team.department_id->department");
        Assert.DoesNotContain(relationships, r => r.StartsWith("swap.", StringComparison.Ordinal) || r.StartsWith("visit.", StringComparison.Ordinal));
        var employee = json["tables"]!["employee"]!["columns"]!;
        Assert.Equal("phone_number", employee["fax"]!["sdtype"]!.GetValue<string>());
        Assert.Equal("unknown", employee["photo"]!["sdtype"]!.GetValue<string>());
        Assert.False(employee["photo"]!["pii"]!.GetValue<bool>());
        Assert.Equal("unknown", employee["badge"]!["sdtype"]!.GetValue<string>());
        Assert.True(employee["badge"]!["pii"]!.GetValue<bool>());
        // A unique key that is pii (not an id) is no SDV alternate key.
        Assert.Null(json["tables"]!["employee"]!["alternate_keys"]);

        var sidecar = Json(MetadataJson.WriteSidecar(schema, "m.json"));
        Assert.Equal("m.json", sidecar["metadata_file"]!.GetValue<string>());
        Assert.Equal(MetadataJson.FormatVersion, sidecar["format_version"]!.GetValue<int>());
        var fks = sidecar["foreign_keys"]!.AsArray();
        Assert.Equal(5, fks.Count);
        Assert.Contains(fks, f => f!["self_reference"]!.GetValue<bool>() && !f["in_sdv_relationships"]!.GetValue<bool>());
        Assert.Contains(fks, f => f!["child_columns"]!.AsArray().Count == 2);
        Assert.Equal("Fax", sidecar["tables"]!["employee"]!["columns"]!["fax"]!["pii_kind"]!.GetValue<string>());
        Assert.Equal(["employee_id", "day"], sidecar["tables"]!["shift"]!["primary_key"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Single(sidecar["cycles"]!.AsArray());
    }

    [Fact]
    public void A_key_column_whose_sdtype_sdv_refuses_for_keys_is_written_as_an_id()
    {
        var schema = new SchemaBuilder().Table("host", Column("ip", LogicalType.String, nullable: false), Column("seen", LogicalType.DateTime)).Build();
        schema = schema with { Tables = [schema.Tables[0] with { Columns = [schema.Tables[0].Columns[0] with { SdType = SdType.Pii, PiiKind = PiiKind.IpAddress }, schema.Tables[0].Columns[1] with { SdType = SdType.Datetime }] }] };
        var text = MetadataJson.Write(schema);
        Assert.Empty(SdvMetadataValidator.Violations(text));
        Assert.Equal("id", Json(text)["tables"]!["host"]!["columns"]!["ip"]!["sdtype"]!.GetValue<string>());
    }

    [Fact]
    public void The_two_files_read_back_give_a_keyless_source_every_key_and_kind()
    {
        var schema = Awkward();
        var json = MetadataJson.Write(schema);
        var sidecar = MetadataJson.WriteSidecar(schema, "m.json");
        // A CSV folder: the same tables, no keys at all, sdtypes from inference.
        var keyless = SdTypeInference.Apply(schema with
        {
            Tables = schema.Tables.Select(t => t with { PrimaryKey = null, ForeignKeys = [], UniqueKeys = [], Columns = t.Columns.Select(c => c with { SdType = SdType.Unknown, PiiKind = null }).ToList() }).ToList(),
        });
        var applied = MetadataJson.Apply(keyless, new MetadataSource(json, "m.json", sidecar, "m.sdv-connector.json"));
        string Keys(DatabaseSchema s) => string.Join("\n", s.Tables.SelectMany(t => t.ForeignKeys.Select(f => f.ToString()).Append($"{t.Name} pk {string.Join(",", t.PrimaryKey?.Columns ?? [])}")).Order(StringComparer.Ordinal));
        Assert.Equal(Keys(schema), Keys(applied));
        var employee = applied.Tables.Single(t => t.Name.Name == "employee");
        Assert.Equal(PiiKind.Fax, employee.Column("fax").PiiKind);
        Assert.Equal(PiiKind.LicenseNumber, employee.Column("badge").PiiKind);
        Assert.Equal(SdType.Unsupported, employee.Column("photo").SdType);
        // Written again, the pair of files is the same.
        Assert.Equal(json, MetadataJson.Write(applied with { Tables = applied.Tables.Select(t => t with { UniqueKeys = schema.Table(t.Name).UniqueKeys }).ToList() }));
    }

    [Fact]
    public void Round_trip_applies_the_users_edits_and_keeps_the_rest()
    {
        var schema = Schema();
        var json = Json(MetadataJson.Write(schema));
        json["tables"]!["users"]!["columns"]!["age"]!.AsObject()["sdtype"] = "categorical";
        json["tables"]!["users"]!["columns"]!["age"]!.AsObject().Remove("computer_representation");
        var applied = MetadataJson.Apply(schema, new MetadataSource(json.ToJsonString(), "m.json", MetadataJson.WriteSidecar(schema, "m.json"), "m.sdv-connector.json"));
        var users = applied.Tables.Single(t => t.Name.Name == "users");
        Assert.Equal(SdType.Categorical, users.Column("age").SdType);
        Assert.Equal(SdType.Pii, users.Column("email").SdType);
        Assert.Equal(PiiKind.Email, users.Column("email").PiiKind);
        Assert.Equal(MetadataJson.Write(schema with { Tables = schema.Tables.Select(t => t.Name.Name == "users" ? users : t).ToList() }),
            MetadataJson.Write(applied));
    }

    [Fact]
    public void The_sidecars_pii_kind_yields_to_an_sdtype_the_user_changed()
    {
        var schema = Awkward();
        var json = Json(MetadataJson.Write(schema));
        json["tables"]!["employee"]!["columns"]!["fax"]!.AsObject()["sdtype"] = "email";
        var applied = MetadataJson.Apply(schema, new MetadataSource(json.ToJsonString(), "m.json", MetadataJson.WriteSidecar(schema, "m.json"), "m.sdv-connector.json"));
        Assert.Equal(PiiKind.Email, applied.Tables.Single(t => t.Name.Name == "employee").Column("fax").PiiKind);
    }

    [Fact]
    public void Our_older_one_file_format_is_still_read()
    {
        var schema = new SchemaBuilder().Table("shift", Int("employee_id"), Int("day"), Column("fax", LogicalType.String)).Table("person", "id", "boss_id").Build();
        var keyless = SdTypeInference.Apply(schema with { Tables = schema.Tables.Select(t => t with { PrimaryKey = null }).ToList() });
        const string old = """
        {
          "METADATA_SPEC_VERSION": "MULTI_TABLE_V1",
          "tables": {
            "person": {"columns": {"id": {"sdtype": "id"}, "boss_id": {"sdtype": "id"}}, "primary_key": "id",
                       "sdv_connector": {"name": "person", "columns": {"id": {"native_type": "INTEGER"}}}},
            "shift": {"columns": {"employee_id": {"sdtype": "id"}, "day": {"sdtype": "numerical"}, "fax": {"sdtype": "fax_number", "pii": true}},
                      "sdv_connector": {"primary_key": ["employee_id", "day"], "columns": {"fax": {"native_type": "STRING", "pii_kind": "Fax"}}}}
          },
          "relationships": [{"parent_table_name": "person", "child_table_name": "person", "parent_primary_key": "id", "child_foreign_key": "boss_id"}],
          "sdv_connector": {"format_version": 1, "foreign_keys": []}
        }
        """;
        var applied = MetadataJson.Apply(keyless, old, "old.json");
        Assert.Equal(["employee_id", "day"], applied.Tables.Single(t => t.Name.Name == "shift").PrimaryKey!.Columns);
        Assert.Equal(PiiKind.Fax, applied.Tables.Single(t => t.Name.Name == "shift").Column("fax").PiiKind);
        Assert.True(Assert.Single(applied.Tables.Single(t => t.Name.Name == "person").ForeignKeys).IsSelfReference);
    }

    [Fact]
    public void The_sidecar_given_as_the_metadata_file_is_refused_with_the_file_to_pass()
    {
        var error = Assert.Throws<MetadataException>(() => MetadataJson.Apply(Schema(), MetadataJson.WriteSidecar(Schema(), "m.json"), "m.sdv-connector.json"));
        Assert.Contains("is the sidecar of m.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("--metadata m.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_contradicts_the_database_is_refused_with_every_place_named()
    {
        var schema = Schema();
        var json = Json(MetadataJson.Write(schema));
        json["tables"]!["ghosts"] = new JsonObject { ["columns"] = new JsonObject() };
        json["tables"]!["users"]!["columns"]!["shoe_size"] = new JsonObject { ["sdtype"] = "numerical" };
        json["tables"]!["users"]!["columns"]!["age"]!.AsObject()["sdtype"] = "banana";
        json["tables"]!["orders"]!["primary_key"] = "paid";
        json["tables"]!["orders"]!["columns"]!["paid"]!.AsObject()["sdtype"] = 5;
        var error = Assert.Throws<MetadataException>(() => MetadataJson.Apply(schema, json.ToJsonString(), "m.json"));
        Assert.Contains("tables.ghosts", error.Message, StringComparison.Ordinal);
        Assert.Contains("tables.users.columns.shoe_size", error.Message, StringComparison.Ordinal);
        Assert.Contains("tables.users.columns.age.sdtype: 'banana'", error.Message, StringComparison.Ordinal);
        Assert.Contains("tables.orders.columns.paid.sdtype: '5'", error.Message, StringComparison.Ordinal);
        Assert.Contains("tables.orders.primary_key", error.Message, StringComparison.Ordinal);
        Assert.Contains("5 problems", error.Message, StringComparison.Ordinal);
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
        var json = Json(MetadataJson.Write(schema));
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

    [Fact]
    public void The_users_file_wins_over_inferred_keys()
    {
        var schema = new SchemaBuilder().Table("customer", Int("id"), Int("code")).Table("orders", Int("id"), Int("customer_id")).Build();
        var customer = schema.Tables[0];
        var orders = schema.Tables[1];
        var inferred = schema with
        {
            Tables =
            [
                customer with { PrimaryKey = new KeySchema(null, ["id"]) { Inference = new KeyEvidence("named id") } },
                orders with
                {
                    PrimaryKey = new KeySchema(null, ["id"]) { Inference = new KeyEvidence("named id") },
                    ForeignKeys = [new ForeignKeySchema { Table = orders.Name, Columns = ["customer_id"], PrincipalTable = customer.Name, PrincipalColumns = ["id"], Inference = new KeyEvidence("name") }],
                },
            ],
        };
        inferred = SdTypeInference.Apply(inferred);
        var json = Json(MetadataJson.Write(inferred));
        Assert.Single(json["relationships"]!.AsArray());
        // The user names another key for customer and removes the relationship.
        json["tables"]!["customer"]!.AsObject()["primary_key"] = "code";
        json["relationships"] = new JsonArray();
        var applied = MetadataJson.Apply(inferred, json.ToJsonString(), "m.json");
        Assert.Equal(["code"], applied.Tables[0].PrimaryKey!.Columns);
        Assert.Empty(applied.Tables[1].ForeignKeys);
        // A file that keeps them keeps them, evidence and all.
        var kept = MetadataJson.Apply(inferred, MetadataJson.Write(inferred), "m.json");
        Assert.NotNull(Assert.Single(kept.Tables[1].ForeignKeys).Inference);
    }
}
