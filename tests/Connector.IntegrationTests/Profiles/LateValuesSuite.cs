using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Sdv.Connector.IntegrationTests.Cloning;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Profiles;

/// <summary>
/// Issue 21: a table loaded in batches, whose first 10,000 rows by key hold NULLs, a constant or
/// nothing like the rest (40,000 rows). The sdtype of each column follows the whole column, not its
/// first rows, and a clone draws the late column's real categories, none invented, on every engine.
/// </summary>
public abstract class LateValuesSuite<TFixture>(TFixture fixture) : EngineTestBase<TFixture>(fixture), IDisposable
    where TFixture : EngineFixture
{
    private const int Rows = 40_000;
    private const int Early = 10_000;
    private static readonly string[] Payers = ["MC", "HM", "BC", "SP", "CP", "SI", "DM", "CM", "CH", "UN", "WC", "OT", "OG", "MP", "PO", "MD", "FR"];
    private static readonly string[] Statuses = ["admitted", "discharged", "transferred", "observed", "referred", "deceased"];

    private readonly string _work = Path.Combine(Path.GetTempPath(), "sdv-late-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
        GC.SuppressFinalize(this);
    }

    private static uint Hash(int i) => unchecked((uint)i * 2654435761u);

    private async Task<TestDatabase> SourceAsync()
    {
        var db = await NewDatabaseAsync();
        await db.ExecuteAsync($"""
            CREATE TABLE {Q("encounter")} ({Q("encounter_id")} INTEGER NOT NULL PRIMARY KEY, {Q("payer_code")} VARCHAR(4), {Q("status")} VARCHAR(12),
              {Q("remark")} VARCHAR(200), {Q("amount")} DECIMAL(10,2), {Q("visited")} DATE)
            """);
        var sql = new StringBuilder();
        for (var start = 1; start <= Rows; start += 1000)
        {
            sql.Clear().Append(CultureInfo.InvariantCulture, $"INSERT INTO {Q("encounter")} VALUES ");
            for (var i = start; i < start + 1000; i++)
            {
                var early = i <= Early;
                var h = Hash(i);
                var payer = early || h % 10 >= 6 ? "NULL" : $"'{Payers[(h >> 8) % Payers.Length]}'";
                var status = early ? "'legacy'" : $"'{Statuses[(h >> 4) % Statuses.Length]}'";
                var remark = early ? "NULL" : $"'Visit {i} went well and the patient was sent home with advice'";
                var amount = early ? "NULL" : ((i % 500) + 0.25).ToString(CultureInfo.InvariantCulture);
                var visited = early ? "NULL" : $"'{new DateOnly(2024, 1, 1).AddDays(i % 365):yyyy-MM-dd}'";
                sql.Append(i == start ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({i}, {payer}, {status}, {remark}, {amount}, {visited})");
            }
            await db.ExecuteAsync(sql.ToString());
        }
        return db;
    }

    [SkippableFact]
    public async Task The_whole_column_decides_its_sdtype_and_introspect_says_why()
    {
        await using var db = await SourceAsync();
        Directory.CreateDirectory(_work);
        var metadata = Path.Combine(_work, "m.json");
        var run = await CliRun.RunAsync("introspect", "--source", DatabaseUrl.For(db), "--out", metadata, "--explain");
        Assert.True(run.ExitCode == 0, run.ToString());
        var columns = JsonNode.Parse(await File.ReadAllTextAsync(metadata))!["tables"]!["encounter"]!["columns"]!;
        string Sdtype(string c) => columns[c]!["sdtype"]!.GetValue<string>();
        Assert.Equal("categorical", Sdtype("payer_code"));
        Assert.Equal("categorical", Sdtype("status"));
        Assert.Equal("text", Sdtype("remark"));
        Assert.Equal("numerical", Sdtype("amount"));
        Assert.Equal("datetime", Sdtype("visited"));

        var extras = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_work, "m.sdv-connector.json")))!["tables"]!["encounter"]!["columns"]!;
        var payer = extras["payer_code"]!["inference"]!;
        Assert.Equal("values: 17 distinct short values", payer["rule"]!.GetValue<string>());
        // A sample spread over the table: about 5,000 of 40,000 rows, a quarter of them from the NULL batch.
        Assert.InRange(payer["sample_rows"]!.GetValue<int>(), 4_500, 6_500);
        Assert.False(payer["whole_table"]!.GetValue<bool>());
        // Real share of NULLs: 10,000 early + 40% of 30,000 late = 55%.
        Assert.InRange(payer["null_share"]!.GetValue<double>(), 0.52, 0.58);
        Assert.EndsWith("free text", extras["remark"]!["inference"]!["rule"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("payer_code", run.Output, StringComparison.Ordinal);
        Assert.Contains("17 distinct short values", run.Output, StringComparison.Ordinal);

        // The same seed gives the same sample: a second introspect writes the same files.
        var again = Path.Combine(_work, "again.json");
        run = await CliRun.RunAsync("introspect", "--source", DatabaseUrl.For(db), "--out", again);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(_work, "m.sdv-connector.json")),
            (await File.ReadAllTextAsync(Path.Combine(_work, "again.sdv-connector.json"))).Replace("again.json", "m.json", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_clone_draws_the_late_columns_real_categories_and_invents_none()
    {
        await using var db = await SourceAsync();
        Directory.CreateDirectory(_work);
        var target = Path.Combine(_work, "clone.db");
        var run = await CliRun.RunAsync("clone", "--source", DatabaseUrl.For(db), "--target", target, "--no-evaluate", "--seed", "5");
        Assert.True(run.ExitCode == 0, run.ToString());
        await using var clone = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        await clone.OpenAsync();
        var payers = await DistinctAsync(clone, "payer_code");
        Assert.All(payers, p => Assert.Contains(p, Payers));
        Assert.True(payers.Count >= 15, $"only {payers.Count} of 17 payer codes drawn: {string.Join(", ", payers)}");
        var statuses = await DistinctAsync(clone, "status");
        Assert.All(statuses, s => Assert.Contains(s, Statuses.Append("legacy")));
        Assert.Equal(7, statuses.Count);
        await using var nulls = clone.CreateCommand();
        nulls.CommandText = "SELECT AVG(CASE WHEN payer_code IS NULL THEN 1.0 ELSE 0.0 END) FROM encounter";
        Assert.InRange(Convert.ToDouble(await nulls.ExecuteScalarAsync(), CultureInfo.InvariantCulture), 0.50, 0.60);
    }

    private static async Task<List<string>> DistinctAsync(SqliteConnection connection, string column)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT DISTINCT \"{column}\" FROM encounter WHERE \"{column}\" IS NOT NULL";
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }
}
