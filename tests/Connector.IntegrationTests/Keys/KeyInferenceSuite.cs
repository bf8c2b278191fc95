using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Sdv.Connector.IntegrationTests.Cloning;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Keys;

/// <summary>
/// Issue 19: the clone fixture's schema copied without a single constraint (CREATE TABLE AS SELECT),
/// plus a column named like a key whose values are not the parent's. Introspection infers the
/// fixture's declared primary and foreign keys exactly (precision and recall 1), not the refuted one,
/// and a clone writes them as constraints that hold.
/// </summary>
public abstract class KeyInferenceSuite<TFixture>(TFixture fixture) : EngineTestBase<TFixture>(fixture), IDisposable
    where TFixture : EngineFixture
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "sdv-keys-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>The fixture, then every table replaced by a copy of its rows without keys, plus coupon and orders.coupon_id (no coupon matches).</summary>
    protected async Task<TestDatabase> ConstraintFreeAsync()
    {
        var db = await NewDatabaseAsync();
        await CloneFixtureSchema.BuildAsync(db);
        var script = new List<string>();
        if (Fixture.Engine == DatabaseEngine.MySql) script.Add("SET FOREIGN_KEY_CHECKS = 0");
        if (Fixture.Engine == DatabaseEngine.Sqlite) script.Add("PRAGMA foreign_keys = OFF");
        foreach (var table in CloneFixtureSchema.AllTables)
        {
            script.Add($"CREATE TABLE {Q(table + "_copy")} AS SELECT * FROM {Q(table)}");
        }
        script.AddRange(CloneFixtureSchema.AllTables.Select(t => $"DROP TABLE {Q(t)}{(Fixture.Engine == DatabaseEngine.PostgreSql ? " CASCADE" : string.Empty)}"));
        script.AddRange(CloneFixtureSchema.AllTables.Select(t => $"ALTER TABLE {Q(t + "_copy")} RENAME TO {Q(t)}"));
        script.Add($"CREATE TABLE {Q("coupon")} ({Q("id")} INTEGER NOT NULL, {Q("label")} VARCHAR(20))");
        script.Add($"INSERT INTO {Q("coupon")} VALUES (1, 'spring'), (2, 'summer'), (3, 'autumn')");
        script.Add($"ALTER TABLE {Q("orders")} ADD COLUMN {Q("coupon_id")} INTEGER");
        script.Add($"UPDATE {Q("orders")} SET {Q("coupon_id")} = {Q("id")} + 100");
        await db.ExecuteAsync(string.Join("\n;;\n", script));
        return db;
    }

    /// <summary>The fixture's declared foreign keys (table.column -> parent.column) and primary keys, plus coupon's id.</summary>
    protected static (HashSet<string> ForeignKeys, Dictionary<string, string> PrimaryKeys) Expected() =>
        (CloneFixtureSchema.ForeignKeys.Select(f => $"{f.Table}.{f.Column}->{f.Parent}.{f.ParentColumn}").ToHashSet(StringComparer.Ordinal),
         CloneFixtureSchema.Keys.Where(k => k.Columns is not ["email"]).Append(("coupon", ["id"])).ToDictionary(k => k.Table, k => string.Join(",", k.Columns), StringComparer.Ordinal));

    /// <summary>Introspects the source and checks the inferred keys against the declared ones: every one found, none other.</summary>
    protected async Task<string> IntrospectAndCompareAsync(string source)
    {
        Directory.CreateDirectory(_work);
        var metadata = Path.Combine(_work, "m.json");
        var run = await CliRun.RunAsync("introspect", "--source", source, "--out", metadata);
        Assert.True(run.ExitCode == 0, run.ToString());
        var sidecar = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_work, "m.sdv-connector.json")))!;
        var inferred = sidecar["foreign_keys"]!.AsArray()
            .Select(f => $"{f!["child_table"]}.{f["child_columns"]![0]}->{f["parent_table"]}.{f["parent_columns"]![0]}")
            .ToHashSet(StringComparer.Ordinal);
        var (expected, primaryKeys) = Expected();
        var correct = inferred.Intersect(expected).Count();
        var (recall, precision) = ((double)correct / expected.Count, inferred.Count == 0 ? 0 : (double)correct / inferred.Count);
        Assert.True(recall == 1 && precision == 1,
            $"recall {recall:P0}, precision {precision:P0}; missed: {string.Join(", ", expected.Except(inferred))}; false: {string.Join(", ", inferred.Except(expected))}\n{run.Output}");
        foreach (var (table, node) in sidecar["tables"]!.AsObject())
        {
            var key = node!["primary_key"] is JsonArray pk ? string.Join(",", pk.Select(c => c!.GetValue<string>())) : null;
            Assert.True(primaryKeys.GetValueOrDefault(table) == key, $"{table}: primary key ({key}), expected ({primaryKeys.GetValueOrDefault(table)})");
        }
        Assert.All(sidecar["foreign_keys"]!.AsArray(), f => Assert.NotNull(f!["inferred"]!["rule"]));
        // The name match the data refute is reported, not inferred.
        Assert.Matches(@"orders\.coupon_id is named like a key of (\w+\.)?coupon\.id, but 100 % of its distinct values have no parent there: no relationship inferred", run.Output);
        Assert.Contains("inferred keys", run.Output, StringComparison.Ordinal);

        var off = await CliRun.RunAsync("introspect", "--source", source, "--out", Path.Combine(_work, "off.json"), "--infer-keys", "off");
        Assert.True(off.ExitCode == 0, off.ToString());
        Assert.Empty(JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_work, "off.sdv-connector.json")))!["foreign_keys"]!.AsArray());
        return metadata;
    }

    /// <summary>Clones the source into SQLite: the inferred keys are constraints of the clone, and SQLite finds no row that breaks them.</summary>
    protected async Task CloneHoldsTheKeysAsync(string source)
    {
        Directory.CreateDirectory(_work);
        var target = Path.Combine(_work, "clone.db");
        var run = await CliRun.RunAsync("clone", "--source", source, "--target", target, "--no-evaluate", "--seed", "11");
        Assert.True(run.ExitCode == 0, run.ToString());
        await using var clone = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        await clone.OpenAsync();
        await using var command = clone.CreateCommand();
        command.CommandText = "SELECT m.name || '.' || p.\"from\" || '->' || p.\"table\" || '.' || p.\"to\" FROM sqlite_master m, pragma_foreign_key_list(m.name) p WHERE m.type = 'table'";
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) keys.Add(reader.GetString(0));
        }
        Assert.Equal(Expected().ForeignKeys.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        command.CommandText = "SELECT COUNT(*) FROM pragma_foreign_key_check";
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
        command.CommandText = "SELECT COUNT(*) FROM (SELECT order_id, line_no FROM order_line GROUP BY order_id, line_no HAVING COUNT(*) > 1)";
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [SkippableFact]
    public async Task Keys_of_a_source_without_constraints_are_inferred_and_enforced_on_the_clone()
    {
        await using var db = await ConstraintFreeAsync();
        var url = DatabaseUrl.For(db);
        await IntrospectAndCompareAsync(url);
        await CloneHoldsTheKeysAsync(url);
    }
}
