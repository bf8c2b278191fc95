using System.Text.Json.Nodes;
using Sdv.Connector.Cli;
using Xunit;
using static Sdv.Connector.IntegrationTests.BadInput.Corpus;

namespace Sdv.Connector.IntegrationTests.BadInput;

/// <summary>Cases about files the user hands over: metadata, model files, CSV folders, run configurations.</summary>
internal static partial class BadInputCases
{
    /// <summary>clone of the shared SQLite source with a metadata file of the given text: refused with exit 2 and the phrases, nothing written.</summary>
    private static async Task BadMetadataAsync(BadInputSources s, string json, params string[] phrases)
    {
        var dir = TempDir();
        var metadata = Path.Combine(dir, "metadata.json");
        await File.WriteAllTextAsync(metadata, json);
        var target = Path.Combine(dir, "t.db");
        var run = await RunAsync("clone", "--source", s.SqliteSource.Name, "--target", target, "--metadata", metadata);
        Expect(run, ExitCodes.BadInput, phrases);
        await AssertNoTablesAsync(target);
        await s.AssertSourcesUnchangedAsync();
    }

    /// <summary>
    /// clone with the metadata introspect wrote for the shared SQLite source, its sidecar's plan of the child table
    /// changed: refused with exit 2 and the phrases, nothing written.
    /// </summary>
    private static async Task BadPlanAsync(BadInputSources s, Action<JsonObject> edit, params string[] phrases)
    {
        var dir = TempDir();
        var metadata = Path.Combine(dir, "metadata.json");
        var introspected = await RunAsync("introspect", "--source", s.SqliteSource.Name, "--out", metadata);
        Assert.True(introspected.ExitCode == 0, introspected.ToString());
        var sidecar = Path.Combine(dir, "metadata.sdv-connector.json");
        var json = JsonNode.Parse(await File.ReadAllTextAsync(sidecar))!.AsObject();
        edit(json["tables"]!["child"]!["plan"]!.AsObject());
        await File.WriteAllTextAsync(sidecar, json.ToJsonString());
        var target = Path.Combine(dir, "t.db");
        var run = await RunAsync("clone", "--source", s.SqliteSource.Name, "--target", target, "--metadata", metadata);
        Expect(run, ExitCodes.BadInput, phrases);
        await AssertNoTablesAsync(target);
        await s.AssertSourcesUnchangedAsync();
    }

    private const string MetadataHead = """{"METADATA_SPEC_VERSION": "MULTI_TABLE_V1", "tables": """;

    /// <summary>sample from a model file of the given bytes (or none): refused with exit 2 and the phrases, no target written.</summary>
    private static async Task BadModelAsync(BadInputSources s, Func<byte[], byte[]?> mutate, params string[] phrases)
    {
        var dir = TempDir();
        var model = Path.Combine(dir, "broken.sdvm");
        var bytes = mutate(await File.ReadAllBytesAsync(s.ModelFile));
        if (bytes is not null) await File.WriteAllBytesAsync(model, bytes);
        var target = Path.Combine(dir, "t.db");
        var run = await RunAsync("sample", "--model", model, "--target", target);
        Expect(run, ExitCodes.BadInput, ["broken.sdvm", .. phrases]);
        await AssertNoTablesAsync(target);
    }

    private static async Task BadConfigAsync(string? yaml, string fileName, params string[] phrases)
    {
        var dir = TempDir();
        var config = Path.Combine(dir, fileName);
        if (yaml is not null) await File.WriteAllTextAsync(config, yaml);
        var run = await RunAsync("run", "--config", config);
        Expect(run, ExitCodes.BadInput, phrases, "Inline-Yaml-Secret");
        // Nothing but the configuration itself: no target, summary, log or model was written.
        Assert.Equal(yaml is null ? [] : [config], Directory.GetFiles(dir));
    }

    private static IEnumerable<BadInputCase> Files()
    {
        yield return Case("metadata_not_json", s => BadMetadataAsync(s, "this is { not json", "metadata.json: not valid JSON (line 1"));
        yield return Case("metadata_wrong_types", s => BadMetadataAsync(s, MetadataHead + """{"parent": {"primary_key": 5, "columns": "id"}}}""", "tables.parent: has no \"columns\" object"));
        yield return Case("metadata_unknown_table", s => BadMetadataAsync(s, MetadataHead + """{"no_such_table": {"columns": {"id": {"sdtype": "id"}}}}}""", "the database has no table 'no_such_table'"));
        yield return Case("metadata_unknown_column", s => BadMetadataAsync(s, MetadataHead + """{"parent": {"columns": {"no_such_column": {"sdtype": "numerical"}}}}}""", "tables.parent.columns.no_such_column: the table has no such column"));
        yield return Case("metadata_bad_sdtype", s => BadMetadataAsync(s, MetadataHead + """{"parent": {"columns": {"name": {"sdtype": "banana"}}}}}""", "'banana' is not an sdtype"));
        yield return Case("metadata_pk_contradicts_database", s => BadMetadataAsync(s, MetadataHead + """{"child": {"primary_key": "parent_id", "columns": {"parent_id": {"sdtype": "id"}}}}}""", "tables.child.primary_key: (parent_id) in the file but (id) in the database"));

        yield return Case("metadata_plan_names_no_key", s => BadPlanAsync(s, plan => plan["primary_parent"] = new JsonArray("parent"),
            "metadata.sdv-connector.json tables.child.plan.primary_parent: (parent) is not a foreign key of child", "its foreign keys are [\"parent_id\"] -> parent", "or \"root\""));
        yield return Case("metadata_plan_parent_table_contradicts_key", s => BadPlanAsync(s, plan => plan["parent_table"] = "child",
            "tables.child.plan: primary_parent (parent_id) points at parent, but parent_table says child"));
        yield return Case("metadata_plan_reference_not_a_boolean", s => BadPlanAsync(s, plan => plan["reference_table"] = "no",
            "tables.child.plan.reference_table: must be true (copied verbatim) or false (generated), not \"no\""));

        yield return Case("model_missing", s => BadModelAsync(s, _ => null, "does not exist"));
        yield return Case("model_not_json", s => BadModelAsync(s, _ => "hello, I am not a model"u8.ToArray(), "is not a readable model file", "Fit the model again"));
        yield return Case("model_truncated", s => BadModelAsync(s, b => b[..(b.Length / 2)], "is not a readable model file", "Fit the model again"));
        yield return Case("model_corrupted", s => BadModelAsync(s, b =>
        {
            var copy = (byte[])b.Clone();
            for (var i = b.Length / 3; i < b.Length / 3 + 64; i++) copy[i] = (byte)'#';
            return copy;
        }, "is not a readable model file", "Fit the model again"));
        yield return Case("model_newer_format_version", s => BadModelAsync(s, b =>
        {
            var root = JsonNode.Parse(b)!.AsObject();
            root["formatVersion"] = 999;
            return System.Text.Encoding.UTF8.GetBytes(root.ToJsonString());
        }, "999", "upgrade"));
        yield return Case("model_wrong_shape_json", s => BadModelAsync(s, _ => """{"format": "something-else", "formatVersion": 1}"""u8.ToArray(), "is not a database model file"));

        yield return Case("csv_ragged_row", async s =>
        {
            var dir = TempDir();
            var folder = Path.Combine(dir, "extracts");
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "people.csv"), "id,name,age\n1,ann,30\n2,bob,41,extra\n3,cy,22\n");
            var target = Path.Combine(dir, "t.db");
            var run = await RunAsync("clone", "--source", "csv://" + folder, "--target", target);
            Expect(run, ExitCodes.BadInput, ["people.csv: line 3: 4 field(s) where the header has 3"]);
            await AssertNoTablesAsync(target);
        });

        yield return Case("config_missing", _ => BadConfigAsync(null, "nightly.yaml", "--config: the file", "nightly.yaml does not exist"));
        yield return Case("config_not_yaml", _ => BadConfigAsync("source: [unclosed\n  : : {\n\t- x", "nightly.yaml", "nightly.yaml is not valid YAML at line"));
        yield return Case("config_three_problems", _ => BadConfigAsync("""
            source:
              url: postgresql://sdv:Inline-Yaml-Secret@127.0.0.1:54329/app
            target:
              url: out.db
            scale: -2
            seed: not-a-number
            """, "nightly.yaml", "3 problem(s) in", "nothing was run", "source.url (line 2): holds a password", "seed (line 6): 'not-a-number' is not a whole number", "scale (line 5): -2 is out of range"));
    }
}
