using System.Text.Json.Nodes;
using Sdv.Connector.IntegrationTests.Cloning;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.MultiTable;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Scale;

/// <summary>
/// The plan the scale follows, as <c>introspect</c> explains it and the sidecar lets a user change it: on the
/// scale tests' sources (SQLite, no server), with the model files the fit wrote.
/// </summary>
public sealed class ScalePlanTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sdvt_plan_" + Guid.NewGuid().ToString("N")[..12]);

    public ScalePlanTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("chinook")]
    [InlineData("northwind")]
    [InlineData("clinic")]
    public async Task The_fit_puts_entities_under_their_owners_and_copies_only_the_lookups(string dataset)
    {
        var source = await ScaleDataset.GetAsync(dataset);
        var plan = DatabaseModelFile.Load(source.ModelFile).Plan;
        Assert.Equal(source.References.Order(), plan.Tables.Where(t => t.IsReference).Select(t => t.Table.Name).Order());
        Assert.Equal(source.Parents.OrderBy(p => p.Key).Select(p => $"{p.Key} -> {p.Value}"),
            plan.Tables.Where(t => t.PrimaryParent is not null).OrderBy(t => t.Table.Name).Select(t => $"{t.Table.Name} -> {t.PrimaryParent!.PrincipalTable.Name}"));
    }

    [Fact]
    public async Task Introspect_prints_each_tables_place_in_the_plan_and_why_and_writes_it_to_the_sidecar()
    {
        var source = await ScaleDataset.GetAsync("clinic");
        var metadata = Path.Combine(_folder, "clinic.json");
        var run = await CliRun.RunAsync("introspect", "--source", source.Source.Name, "--out", metadata);
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n').Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Contains(lines, l => l.StartsWith("plan: how each table is generated", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("concept copied (reference table) a lookup table: 30 rows", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("person root care_site is a small parent (6 rows) that many rows merely point at", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("visit under person (person_id) its key is NOT NULL;", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("lab_run under lab (lab_id) its key is part of this table's primary key; 100% of lab rows have lab_run rows, 50 each", StringComparison.Ordinal));

        var sidecar = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "clinic.sdv-connector.json")))!;
        var measurement = sidecar["tables"]!["measurement"]!["plan"]!;
        Assert.False(measurement["reference_table"]!.GetValue<bool>());
        Assert.Equal("visit_id", Assert.Single(measurement["primary_parent"]!.AsArray())!.GetValue<string>());
        Assert.Equal("visit", measurement["parent_table"]!.GetValue<string>());
        Assert.Equal("root", sidecar["tables"]!["person"]!["plan"]!["primary_parent"]!.GetValue<string>());
        Assert.True(sidecar["tables"]!["vocabulary"]!["plan"]!["reference_table"]!.GetValue<bool>());
        // SDV's own file has no trace of it.
        Assert.DoesNotContain("primary_parent", await File.ReadAllTextAsync(metadata), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_sidecar_changes_the_fit_and_reference_tables_on_the_command_line_win_over_it()
    {
        var source = await ScaleDataset.GetAsync("chinook");
        var metadata = Path.Combine(_folder, "chinook.json");
        var introspected = await CliRun.RunAsync("introspect", "--source", source.Source.Name, "--out", metadata);
        Assert.True(introspected.ExitCode == 0, introspected.ToString());
        var sidecarPath = Path.Combine(_folder, "chinook.sdv-connector.json");
        var sidecar = JsonNode.Parse(await File.ReadAllTextAsync(sidecarPath))!;
        var plan = sidecar["tables"]!["Customer"]!["plan"]!.AsObject();
        plan["primary_parent"] = new JsonArray("SupportRepId");
        plan["parent_table"] = "Employee";
        sidecar["tables"]!["Genre"]!["plan"]!["reference_table"] = false;
        await File.WriteAllTextAsync(sidecarPath, sidecar.ToJsonString());

        var edited = await FitPlanAsync(source, "--metadata", metadata);
        Assert.Equal("Employee", edited.For(Name("Customer")).PrimaryParent?.PrincipalTable.Name);
        Assert.StartsWith("belongs to Employee, as the metadata says; from the data alone: a root table", edited.For(Name("Customer")).PrimaryParentReason, StringComparison.Ordinal);
        Assert.False(edited.For(Name("Genre")).IsReference);
        Assert.True(edited.For(Name("MediaType")).IsReference);

        // --reference-tables names exactly the lookups, whatever the file says.
        var overridden = await FitPlanAsync(source, "--metadata", metadata, "--reference-tables", "Genre");
        Assert.True(overridden.For(Name("Genre")).IsReference);
        Assert.False(overridden.For(Name("MediaType")).IsReference);
        Assert.Equal("Employee", overridden.For(Name("Customer")).PrimaryParent?.PrincipalTable.Name);

        // The unedited file gives the plan the data give.
        var unedited = Path.Combine(_folder, "again.json");
        Assert.Equal(0, (await CliRun.RunAsync("introspect", "--source", source.Source.Name, "--out", unedited)).ExitCode);
        var same = await FitPlanAsync(source, "--metadata", unedited);
        var automatic = DatabaseModelFile.Load(source.ModelFile).Plan;
        Assert.Equal(automatic.Tables.Select(Summary), same.Tables.Select(Summary));
    }

    private static QualifiedName Name(string table) => new(null, table);

    private static string Summary(TablePlan t) => $"{t.Table} {t.IsReference} {t.PrimaryParent?.PrincipalTable}";

    private async Task<DatabasePlan> FitPlanAsync(ScaleDataset source, params string[] options)
    {
        var model = Path.Combine(_folder, Guid.NewGuid().ToString("N")[..8] + ".sdvm");
        var run = await CliRun.RunAsync(["fit", "--source", source.Source.Name, "--model", model, "--seed", "42", .. options]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return DatabaseModelFile.Load(model).Plan;
    }
}
