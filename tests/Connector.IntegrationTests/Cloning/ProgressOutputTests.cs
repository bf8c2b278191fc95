using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sdv.Connector.Demo;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Cloning;

/// <summary>
/// --quiet and --json-progress as a scheduler reads them, on the demo's database (5 tables, 300 patients): quiet
/// prints the final line alone; JSON prints nothing but objects, phases in the order the work goes through them,
/// and final row counts that are the clone's.
/// </summary>
public sealed class ProgressOutputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sdv-progress-").FullName;
    private readonly string _source;

    public ProgressOutputTests()
    {
        _source = Path.Combine(_folder, "clinical.db");
        ClinicalDemoDatabase.Create(_source, 300, 11, CancellationToken.None);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Clone_quiet_prints_only_the_final_line()
    {
        var target = Path.Combine(_folder, "quiet.db");
        var run = await CliRun.RunAsync("clone", "--source", _source, "--target", target, "--quiet");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(string.Empty, run.Error);
        var line = Assert.Single(Lines(run.Output));
        var rows = await CountsAsync(target);
        Assert.Matches(
            $@"^synthetic clone written to sqlite://{System.Text.RegularExpressions.Regex.Escape(target)}: 5 tables, {rows.Values.Sum():N0} rows; quality 0\.\d{{3}}, diagnostic 0\.\d{{3}}$",
            line);
    }

    [Fact]
    public async Task Fit_sample_and_evaluate_quiet_print_only_their_final_line()
    {
        var model = Path.Combine(_folder, "m.sdvm");
        var target = Path.Combine(_folder, "sampled.db");
        var fit = await CliRun.RunAsync("fit", "--source", _source, "--model", model, "-q");
        Assert.True(fit.ExitCode == 0, fit.ToString());
        Assert.Matches($@"^model of 5 tables written to {System.Text.RegularExpressions.Regex.Escape(model)} \(\d+ KiB\)$", Assert.Single(Lines(fit.Output)));

        var sample = await CliRun.RunAsync("sample", "--model", model, "--target", target, "--quiet");
        Assert.True(sample.ExitCode == 0, sample.ToString());
        var rows = await CountsAsync(target);
        Assert.Equal($"synthetic clone written to sqlite://{target}: 5 tables, {rows.Values.Sum():N0} rows", Assert.Single(Lines(sample.Output)));

        var evaluate = await CliRun.RunAsync("evaluate", "--real", _source, "--synthetic", target, "--quiet");
        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        Assert.Matches($@"^quality 0\.\d{{3}}, diagnostic 0\.\d{{3}}, exact matches \d+\.\d% \(5 tables, [\d,]+ real rows, {rows.Values.Sum():N0} synthetic rows\)$",
            Assert.Single(Lines(evaluate.Output)));
    }

    [Fact]
    public async Task Clone_json_progress_prints_objects_only_in_phase_order_ending_with_the_clone_counts()
    {
        var target = Path.Combine(_folder, "json.db");
        var run = await CliRun.RunAsync("clone", "--source", _source, "--target", target, "--json-progress");
        Assert.True(run.ExitCode == 0, run.ToString());
        var events = Lines(run.Output).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.All(events, e => Assert.Equal(JsonValueKind.Object, e.ValueKind));
        Assert.All(events, e => Assert.True(e.TryGetProperty("event", out _), e.ToString()));

        // The phases, in the order they first appear: introspect, fit, sample, load, evaluate.
        var phases = events.Where(e => e.TryGetProperty("phase", out _)).Select(e => e.GetProperty("phase").GetString()).Distinct().ToList();
        Assert.Equal(["introspect", "fit", "sample", "load", "evaluate"], phases);
        var elapsed = events.Where(e => e.TryGetProperty("elapsed", out _)).Select(e => e.GetProperty("elapsed").GetDouble()).ToList();
        Assert.Equal(elapsed.Order(), elapsed);

        // Every table event carries phase, table, rows, total and elapsed.
        var tableEvents = events.Where(e => e.GetProperty("event").GetString() == "table").ToList();
        Assert.All(tableEvents, e => Assert.All(new[] { "phase", "table", "rows", "total", "elapsed", "done" }, key => Assert.True(e.TryGetProperty(key, out _), $"{key} missing in {e}")));
        var rows = await CountsAsync(target);
        var sampled = tableEvents.Where(e => e.GetProperty("phase").GetString() == "sample" && e.GetProperty("done").GetBoolean())
            .ToDictionary(e => e.GetProperty("table").GetString()!, e => e.GetProperty("rows").GetInt64());
        Assert.Equal(rows.OrderBy(p => p.Key), sampled.OrderBy(p => p.Key));
        var fitted = tableEvents.Where(e => e.GetProperty("phase").GetString() == "fit" && e.GetProperty("done").GetBoolean()).Select(e => e.GetProperty("table").GetString()).Order();
        Assert.Equal(rows.Keys.Order(), fitted);

        var result = events[^1];
        Assert.Equal("result", result.GetProperty("event").GetString());
        Assert.Equal("success", result.GetProperty("outcome").GetString());
        Assert.Equal(0, result.GetProperty("exit_code").GetInt32());
        Assert.Equal(rows.Values.Sum(), result.GetProperty("rows").GetInt64());
        Assert.Equal(rows.OrderBy(p => p.Key), result.GetProperty("tables").EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetInt64())).OrderBy(p => p.Key));
        Assert.InRange(result.GetProperty("quality").GetDouble(), 0.5, 1.0);
        // What the clone would have printed is there too, as messages (the model chosen for each table, the quality summary).
        Assert.Contains(events, e => e.GetProperty("event").GetString() == "message" && e.GetProperty("text").GetString()!.StartsWith("quality ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_progress_ends_a_failure_with_a_result_object_and_the_error_on_stderr()
    {
        var run = await CliRun.RunAsync("clone", "--source", Path.Combine(_folder, "missing.db"), "--target", Path.Combine(_folder, "never.db"), "--json-progress");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        var result = JsonDocument.Parse(Assert.Single(Lines(run.Output))).RootElement;
        Assert.Equal("result", result.GetProperty("event").GetString());
        Assert.Equal("failed", result.GetProperty("outcome").GetString());
        Assert.Equal(2, result.GetProperty("exit_code").GetInt32());
        Assert.Contains("missing.db", result.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_json_progress_reports_the_nightly_phases_and_its_summary()
    {
        var target = Path.Combine(_folder, "nightly.db");
        var run = await CliRun.RunAsync("run", "--source", _source, "--target", target, "--model", Path.Combine(_folder, "nightly.sdvm"), "--json-progress");
        Assert.True(run.ExitCode == 0, run.ToString());
        var events = Lines(run.Output).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var phases = events.Where(e => e.TryGetProperty("phase", out _)).Select(e => e.GetProperty("phase").GetString()).Distinct().ToList();
        Assert.Equal(["introspect", "fit", "sample", "load", "swap"], phases);
        var result = events[^1];
        Assert.Equal("fitted", result.GetProperty("model").GetString());
        Assert.Equal((await CountsAsync(target)).Values.Sum(), result.GetProperty("rows").GetInt64());

        var quiet = await CliRun.RunAsync("run", "--source", _source, "--target", target, "--model", Path.Combine(_folder, "nightly.sdvm"), "--quiet");
        Assert.True(quiet.ExitCode == 0, quiet.ToString());
        Assert.Equal($"synthetic clone written to sqlite://{target}: 5 tables, {(await CountsAsync(target)).Values.Sum():N0} rows (model reused)", Assert.Single(Lines(quiet.Output)));
    }

    [Fact]
    public async Task Quiet_and_json_progress_together_are_bad_input()
    {
        var run = await CliRun.RunAsync("clone", "--source", _source, "--target", Path.Combine(_folder, "both.db"), "--quiet", "--json-progress");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--quiet and --json-progress cannot be given together", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
        Assert.False(File.Exists(Path.Combine(_folder, "both.db")));
    }

    private static List<string> Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static async Task<Dictionary<string, long>> CountsAsync(string path)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in new[] { "clinics", "patients", "visits", "labtests", "prescriptions" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)(await command.ExecuteScalarAsync())!;
        }
        return counts;
    }
}
