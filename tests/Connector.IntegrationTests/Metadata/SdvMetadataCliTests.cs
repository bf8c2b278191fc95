using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Sdv.Connector.Demo;
using Sdv.Connector.IntegrationTests.Cloning;
using Sdv.Connector.SchemaIntrospection.Tests.Metadata;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Metadata;

/// <summary>
/// `introspect --out m.json` writes SDV metadata that SDV's rules accept and our sidecar beside it;
/// `--metadata` reads both back (edited), and reads a file in SDV's own shape without a sidecar.
/// </summary>
public sealed class SdvMetadataCliTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sdv-metadata-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string _source;

    public SdvMetadataCliTests()
    {
        Directory.CreateDirectory(_root);
        _source = Path.Combine(_root, "staff.db");
        using var connection = new SqliteConnection($"Data Source={_source};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        var sql = new System.Text.StringBuilder("""
            CREATE TABLE department (department_id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL, region VARCHAR(20));
            CREATE TABLE employee (employee_id INTEGER PRIMARY KEY, department_id INTEGER NOT NULL REFERENCES department(department_id),
                manager_id INTEGER REFERENCES employee(employee_id), first_name VARCHAR(40), fax VARCHAR(24), title VARCHAR(40), salary REAL);
            CREATE TABLE shift (employee_id INTEGER NOT NULL REFERENCES employee(employee_id), day INTEGER NOT NULL, hours INTEGER, PRIMARY KEY (employee_id, day));
            CREATE TABLE swap (swap_id INTEGER PRIMARY KEY, employee_id INTEGER NOT NULL, day INTEGER NOT NULL, reason VARCHAR(20),
                FOREIGN KEY (employee_id, day) REFERENCES shift(employee_id, day));
            """);
        string[] regions = ["North", "South", "East", "West"];
        string[] titles = ["Clerk", "Manager", "Engineer", "Analyst", "Driver"];
        for (var d = 1; d <= 8; d++) sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"INSERT INTO department VALUES ({d}, 'Department {d}', '{regions[d % 4]}');\n");
        for (var e = 1; e <= 120; e++)
        {
            var manager = e <= 8 ? "NULL" : ((e % 8) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"INSERT INTO employee VALUES ({e}, {(e % 8) + 1}, {manager}, 'Name{e}', '+1 555 010 {e:0000}', '{titles[e % 5]}', {30000 + (e * 37 % 5000)});\n");
            for (var day = 1; day <= 3; day++) sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"INSERT INTO shift VALUES ({e}, {day}, {4 + ((e + day) % 5)});\n");
            if (e % 3 == 0) sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"INSERT INTO swap VALUES ({e}, {e}, {1 + (e % 3)}, '{(e % 2 == 0 ? "ill" : "leave")}');\n");
        }
        command.CommandText = sql.ToString();
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Introspect_writes_sdv_metadata_and_a_sidecar_that_read_back_edited()
    {
        var metadata = Path.Combine(_root, "m.json");
        var run = await CliRun.RunAsync("introspect", "--source", _source, "--out", metadata);
        Assert.True(run.ExitCode == 0, run.ToString());
        var sidecar = Path.Combine(_root, "m.sdv-connector.json");
        Assert.Contains(sidecar, run.Output, StringComparison.Ordinal);
        Assert.Empty(SdvMetadataValidator.Violations(await File.ReadAllTextAsync(metadata)));
        var json = JsonNode.Parse(await File.ReadAllTextAsync(metadata))!;
        Assert.Equal("phone_number", json["tables"]!["employee"]!["columns"]!["fax"]!["sdtype"]!.GetValue<string>());
        Assert.Equal(["department->employee", "employee->shift"], json["relationships"]!.AsArray().Select(r => $"{r!["parent_table_name"]}->{r["child_table_name"]}").Order(StringComparer.Ordinal));
        var extras = JsonNode.Parse(await File.ReadAllTextAsync(sidecar))!;
        Assert.Equal("Fax", extras["tables"]!["employee"]!["columns"]!["fax"]!["pii_kind"]!.GetValue<string>());
        Assert.Equal(4, extras["foreign_keys"]!.AsArray().Count);

        // The user says the title is a job title and the region an administrative unit (Faker names SDV accepts).
        json["tables"]!["employee"]!["columns"]!["title"] = new JsonObject { ["sdtype"] = "job", ["pii"] = true };
        json["tables"]!["department"]!["columns"]!["region"] = new JsonObject { ["sdtype"] = "administrative_unit" };
        await File.WriteAllTextAsync(metadata, json.ToJsonString());
        var target = Path.Combine(_root, "clone.db");
        run = await CliRun.RunAsync("clone", "--source", _source, "--target", target, "--metadata", metadata, "--no-evaluate", "--seed", "4");
        Assert.True(run.ExitCode == 0, run.ToString());

        await using var clone = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        await clone.OpenAsync();
        // The sidecar's self-reference and composite key are constraints of the clone, and hold.
        Assert.Contains("employee.manager_id", await ColumnAsync(clone, "SELECT \"table\" || '.' || \"from\" FROM pragma_foreign_key_list('employee')"));
        Assert.Equal(["shift.day", "shift.employee_id"], (await ColumnAsync(clone, "SELECT \"table\" || '.' || \"from\" FROM pragma_foreign_key_list('swap')")).Order(StringComparer.Ordinal));
        Assert.Empty(await ColumnAsync(clone, "SELECT \"table\" FROM pragma_foreign_key_check"));
        Assert.Equal(120, (await ColumnAsync(clone, "SELECT employee_id FROM employee")).Count);
        // Generated, not learned: none of the five real titles or four real regions.
        var cloneTitles = await ColumnAsync(clone, "SELECT DISTINCT title FROM employee WHERE title IS NOT NULL");
        Assert.True(cloneTitles.Count > 5, string.Join(", ", cloneTitles));
        Assert.DoesNotContain(cloneTitles, t => t is "Clerk" or "Manager" or "Engineer" or "Analyst" or "Driver");
        Assert.DoesNotContain(await ColumnAsync(clone, "SELECT DISTINCT region FROM department"), r => r is "North" or "South" or "East" or "West");
    }

    [Fact]
    public async Task Evaluate_and_fit_take_metadata_in_sdvs_own_shape()
    {
        var target = Path.Combine(_root, "clone.db");
        var run = await CliRun.RunAsync("clone", "--source", _source, "--target", target, "--no-evaluate");
        Assert.True(run.ExitCode == 0, run.ToString());
        // As SDV detects it: V1, semantic Faker sdtypes, the self-reference as a number, no composite keys, no sidecar.
        var sdv = Path.Combine(_root, "sdv-metadata.json");
        await File.WriteAllTextAsync(sdv, """
        {"METADATA_SPEC_VERSION": "V1",
         "tables": {
          "department": {"primary_key": "department_id", "columns": {"department_id": {"sdtype": "id"}, "name": {"sdtype": "categorical"}, "region": {"sdtype": "administrative_unit", "pii": true}}},
          "employee": {"primary_key": "employee_id", "columns": {"employee_id": {"sdtype": "id"}, "department_id": {"sdtype": "id"}, "manager_id": {"sdtype": "numerical"},
                       "first_name": {"sdtype": "first_name", "pii": true}, "fax": {"sdtype": "phone_number", "pii": true}, "title": {"sdtype": "job", "pii": false},
                       "salary": {"sdtype": "numerical", "computer_representation": "Float"}}},
          "shift": {"columns": {"employee_id": {"sdtype": "id"}, "day": {"sdtype": "numerical"}, "hours": {"sdtype": "numerical"}}},
          "swap": {"primary_key": "swap_id", "columns": {"swap_id": {"sdtype": "id"}, "employee_id": {"sdtype": "numerical"}, "day": {"sdtype": "numerical"}, "reason": {"sdtype": "categorical"}}}},
         "relationships": [
          {"parent_table_name": "department", "child_table_name": "employee", "parent_primary_key": "department_id", "child_foreign_key": "department_id"}]}
        """);
        run = await CliRun.RunAsync("evaluate", "--real", _source, "--synthetic", target, "--metadata", sdv);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("quality", run.Output, StringComparison.Ordinal);
        run = await CliRun.RunAsync("fit", "--source", _source, "--metadata", sdv, "--model", Path.Combine(_root, "m.sdvm"));
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task The_demo_databases_metadata_passes_sdvs_rules()
    {
        var demo = Path.Combine(_root, "clinical.db");
        ClinicalDemoDatabase.Create(demo, 200, 7, CancellationToken.None);
        var metadata = Path.Combine(_root, "demo.json");
        var run = await CliRun.RunAsync("introspect", "--source", demo, "--out", metadata);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(SdvMetadataValidator.Violations(await File.ReadAllTextAsync(metadata)));
        Assert.Equal(4, JsonNode.Parse(await File.ReadAllTextAsync(metadata))!["relationships"]!.AsArray().Count);
    }

    private static async Task<List<string>> ColumnAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetValue(0).ToString()!);
        return values;
    }
}
