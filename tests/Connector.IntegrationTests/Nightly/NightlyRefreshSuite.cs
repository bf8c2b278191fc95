using System.Globalization;
using System.Text.Json;
using MySqlConnector;
using Npgsql;
using Sdv.Connector.IntegrationTests.Cloning;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.IntegrationTests.Schemas;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.MultiTable;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Nightly;

/// <summary>
/// `run --config` on every fixture schema (<see cref="SchemaFixtures"/>), the way a nightly job meets a database it
/// has never seen: a first run into an empty target, a second that reuses the model, a third after a column is added
/// to the source (drift, refitted). After each, the live clone gets the clone tests' checks (<see cref="LiveCloneChecks"/>).
/// One sealed subclass per engine; a fixture without DDL for the engine is skipped.
/// </summary>
public abstract class NightlyRefreshSuite<TFixture>(TFixture fixture) : EngineTestBase<TFixture>(fixture), IDisposable
    where TFixture : EngineFixture
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sdv-nightly-refresh-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
        GC.SuppressFinalize(this);
    }

    [SkippableTheory]
    [MemberData(nameof(SchemaFixtures.Names), MemberType = typeof(SchemaFixtures))]
    public async Task Refreshes_a_fresh_target_then_reuses_the_model_then_refits_after_drift(string fixture)
    {
        var schema = SchemaFixtures.Named(fixture);
        Skip.IfNot(schema.Supports(Fixture.Engine), $"{fixture} has no DDL for {Fixture.Engine}");
        await using var source = await NewDatabaseAsync();
        await schema.BuildAsync(source);
        await using var target = await NewDatabaseAsync();
        var config = WriteConfig(source, target);

        var summary = await RunAsync(config, "first run");
        Assert.Equal("fitted", summary.GetProperty("model").GetString());
        await LiveCloneChecks.AssertAsync(source, target, summary, Model(), $"{fixture}, first run");
        var model = await File.ReadAllBytesAsync(ModelPath);

        summary = await RunAsync(config, "second run");
        Assert.Equal("reused", summary.GetProperty("model").GetString());
        Assert.Equal(model, await File.ReadAllBytesAsync(ModelPath));
        await LiveCloneChecks.AssertAsync(source, target, summary, Model(), $"{fixture}, second run");

        var drifted = await AddColumnAsync(source);
        summary = await RunAsync(config, "run after drift");
        Assert.Equal("refitted", summary.GetProperty("model").GetString());
        Assert.Contains(summary.GetProperty("drift").EnumerateArray(), d => d.GetString()!.Contains($"{drifted.Name}.drift_extra added", StringComparison.Ordinal));
        var clone = await CloneQueries.IntrospectAsync(target);
        Assert.NotNull(clone.Tables.Single(t => LiveCloneChecks.Key(target.Engine, t.Name) == LiveCloneChecks.Key(target.Engine, drifted)).FindColumn("drift_extra"));
        await LiveCloneChecks.AssertAsync(source, target, summary, Model(), $"{fixture}, run after drift");
    }

    /// <summary>
    /// A source with a function and an audit trigger: after each of two runs the live clone has both under their own
    /// names, the function answers, the trigger fires on a new row and did not fire on the synthetic ones.
    /// </summary>
    [SkippableFact]
    public async Task Routines_and_triggers_are_live_after_each_run_and_the_trigger_fired_on_no_synthetic_row()
    {
        await using var source = await NewDatabaseAsync();
        foreach (var sql in CodeObjectsDdl(Fixture.Engine)) await source.ExecuteAsync(sql);
        for (var i = 1; i <= 60; i++)
        {
            await source.ExecuteAsync($"INSERT INTO item (id, name, price) VALUES ({i}, 'item {i % 7}', {10 + (i % 13)})");
        }

        var auditRows = await source.ScalarAsync<long>("SELECT COUNT(*) FROM audit");
        Assert.Equal(60, auditRows);
        await using var target = await NewDatabaseAsync();
        var config = WriteConfig(source, target);
        foreach (var which in new[] { "first run", "second run" })
        {
            var summary = await RunAsync(config, which);
            var warnings = string.Join("; ", summary.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
            // The trigger was created after the load: the clone's audit rows are the synthetic ones the model drew.
            var items = await target.ScalarAsync<long>("SELECT COUNT(*) FROM item");
            var audits = await target.ScalarAsync<long>("SELECT COUNT(*) FROM audit");
            Assert.Equal(60, items);
            Assert.True(audits == 60, $"{which}: audit holds {audits} rows, the model drew 60 (the trigger fired on the load?); warnings: {warnings}");
            if (Fixture.Engine != DatabaseEngine.Sqlite)
            {
                Assert.Equal(23.0, Convert.ToDouble(await target.ScalarAsync<object>("SELECT with_tax(20)"), CultureInfo.InvariantCulture), 3);
            }

            await target.ExecuteAsync("INSERT INTO item (id, name, price) VALUES (100000, 'new', 5)");
            Assert.Equal(audits + 1, await target.ScalarAsync<long>("SELECT COUNT(*) FROM audit"));
        }
    }

    /// <summary>An item table, an audit table its trigger writes to, and (not on SQLite) a function.</summary>
    private static string[] CodeObjectsDdl(DatabaseEngine engine) => engine switch
    {
        DatabaseEngine.PostgreSql =>
        [
            "CREATE TABLE item (id integer PRIMARY KEY, name varchar(40) NOT NULL, price numeric(8,2) NOT NULL)",
            "CREATE TABLE audit (id serial PRIMARY KEY, item_id integer NOT NULL, note varchar(40) NOT NULL)",
            "CREATE FUNCTION with_tax(p numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT p * 1.15 $$",
            "CREATE FUNCTION audit_item() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO audit (item_id, note) VALUES (NEW.id, 'inserted'); RETURN NEW; END $$",
            "CREATE TRIGGER item_audit AFTER INSERT ON item FOR EACH ROW EXECUTE FUNCTION audit_item()",
        ],
        DatabaseEngine.MySql =>
        [
            "CREATE TABLE item (id int PRIMARY KEY, name varchar(40) NOT NULL, price decimal(8,2) NOT NULL)",
            "CREATE TABLE audit (id int AUTO_INCREMENT PRIMARY KEY, item_id int NOT NULL, note varchar(40) NOT NULL)",
            "CREATE FUNCTION with_tax(p decimal(10,2)) RETURNS decimal(10,2) DETERMINISTIC RETURN p * 1.15",
            "CREATE TRIGGER item_audit AFTER INSERT ON item FOR EACH ROW INSERT INTO audit (item_id, note) VALUES (NEW.id, 'inserted')",
        ],
        _ =>
        [
            "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price REAL NOT NULL)",
            "CREATE TABLE audit (id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL, note TEXT NOT NULL)",
            "CREATE TRIGGER item_audit AFTER INSERT ON item BEGIN INSERT INTO audit (item_id, note) VALUES (NEW.id, 'inserted'); END",
        ],
    };

    private string ModelPath => Path.Combine(_folder, "model.sdvm");

    private DatabaseModel Model() => DatabaseModelFile.Load(ModelPath);

    /// <summary>Adds a nullable column to the source's first table (by name); returns the table.</summary>
    private static async Task<QualifiedName> AddColumnAsync(TestDatabase source)
    {
        var table = (await CloneQueries.IntrospectAsync(source)).Tables.Select(t => t.Name).Order(QualifiedName.Order).First();
        await source.ExecuteAsync($"ALTER TABLE {LiveCloneChecks.Sql(source.Engine, table)} ADD COLUMN drift_extra INTEGER");
        return table;
    }

    /// <summary>One run of the command line; it must succeed. Returns its summary.</summary>
    private async Task<JsonElement> RunAsync(string config, string which)
    {
        var run = await CliRun.RunAsync("run", "--config", config);
        Assert.True(run.ExitCode == 0, $"{which}: {run}");
        return JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "summary.json"))).RootElement;
    }

    private string WriteConfig(TestDatabase source, TestDatabase target)
    {
        var yaml = string.Create(CultureInfo.InvariantCulture, $"""
            source:
              {Endpoint(source)}
            target:
              {Endpoint(target)}
            seed: 42
            model:
              path: model.sdvm
              reuse: true
              on_drift: refit
            retry:
              attempts: 2
              base_delay_ms: 10
              max_delay_ms: 50
            summary: summary.json
            log: nightly.log
            """);
        var path = Path.Combine(_folder, "nightly.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>The url: and password_file: of a database (a run file takes no password inline).</summary>
    private string Endpoint(TestDatabase db)
    {
        var (url, password) = db.Engine switch
        {
            DatabaseEngine.Sqlite => (db.Name, null),
            DatabaseEngine.PostgreSql => new NpgsqlConnectionStringBuilder(db.ConnectionString) is var b
                ? ($"postgresql://{b.Username}@{b.Host}:{b.Port}/{b.Database}", b.Password) : default,
            DatabaseEngine.MySql => new MySqlConnectionStringBuilder(db.ConnectionString) is var m
                ? ($"mariadb://{m.UserID}@{m.Server}:{m.Port}/{m.Database}", m.Password) : default,
            _ => throw new ArgumentOutOfRangeException(nameof(db), db.Engine, "No nightly endpoint for this engine."),
        };
        if (password is null) return $"url: \"{url}\"";
        var file = Path.Combine(_folder, db.Name + ".pass");
        File.WriteAllText(file, password + "\n");
        return $"url: \"{url}\"\n  password_file: \"{file}\"";
    }
}
