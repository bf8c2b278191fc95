using Microsoft.Data.Sqlite;
using Sdv.Connector.IntegrationTests.Cloning;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Scale;

/// <summary>
/// One source of the scale tests, fitted once for the whole run: a SQLite file (a copy of the test data, or the
/// generated clinic), its model file, its tables' row counts and foreign keys, and the plan the tests expect of it
/// (which tables are lookups copied verbatim, and each child's primary parent; the rest are roots).
/// </summary>
internal sealed record ScaleDataset(
    string Name,
    TestDatabase Source,
    string ModelFile,
    IReadOnlyDictionary<string, long> Rows,
    IReadOnlyList<ForeignKeySchema> ForeignKeys,
    IReadOnlySet<string> References,
    IReadOnlyDictionary<string, string> Parents)
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "sdvt_scale_" + Guid.NewGuid().ToString("N")[..12]);
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, Task<ScaleDataset>> Fitted = [];

    static ScaleDataset()
    {
        // The sources and models are shared by every scale test class of the run, so they go when the run does.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        };
    }

    /// <summary>The datasets by name, as theories name them.</summary>
    public static readonly string[] Names = ["chinook", "northwind", "clinic"];

    /// <summary>The dataset, built and fitted on first use (once per run, whatever the test class).</summary>
    public static Task<ScaleDataset> GetAsync(string name)
    {
        lock (Gate)
        {
            if (!Fitted.TryGetValue(name, out var task)) Fitted[name] = task = BuildAsync(name);
            return task;
        }
    }

    /// <summary>The tables with no primary parent that are not lookups.</summary>
    public IEnumerable<string> Roots => Rows.Keys.Where(t => !References.Contains(t) && !Parents.ContainsKey(t));

    /// <summary>
    /// Rows the clone must have at scale <paramref name="factor"/>: a lookup's own (unless scaled), a root's F × rows rounded
    /// half away from zero, a child's F × rows (within a tolerance); at least one where a table under it expects half a row.
    /// </summary>
    public double Expected(string table, double factor, bool scaleReferences = false)
    {
        var rows = Rows[table];
        if (rows == 0) return 0;
        if (References.Contains(table))
            return scaleReferences && factor < 1 ? Math.Max(1, Math.Round(factor * rows, MidpointRounding.AwayFromZero)) : rows;
        var expected = factor * rows;
        if (!Parents.ContainsKey(table)) expected = Math.Round(expected, MidpointRounding.AwayFromZero);
        return Math.Max(expected, Carries(table, factor) ? 1 : 0);
    }

    private bool Carries(string table, double factor) =>
        Parents.Where(p => p.Value == table).Any(p => factor * Rows[p.Key] >= 0.5 || Carries(p.Key, factor));

    private static async Task<ScaleDataset> BuildAsync(string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".sqlite");
        if (name == "clinic") await ClinicSchema.BuildAsync(path);
        else File.Copy(Path.Combine(AppContext.BaseDirectory, "Data", name, name + ".sqlite"), path);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ConnectionString;
        var source = new TestDatabase(DatabaseEngine.Sqlite, path, connectionString, () => new SqliteConnection(connectionString), () => ValueTask.CompletedTask);
        var model = Path.Combine(Folder, name + ".sdvm");
        var fit = await CliRun.RunAsync("fit", "--source", path, "--model", model, "--seed", "42");
        Assert.True(fit.ExitCode == 0, fit.ToString());
        var schema = await CloneQueries.IntrospectAsync(source);
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in schema.Tables) rows[table.Name.Name] = await CloneQueries.CountAsync(source, table.Name.Name);
        var (references, parents) = Plans[name];
        return new ScaleDataset(name, source, model, rows, schema.ForeignKeys.ToList(), references.ToHashSet(StringComparer.Ordinal), parents);
    }

    /// <summary>What the tests expect of each source's plan: the lookups, and each child's primary parent.</summary>
    private static readonly Dictionary<string, (string[] References, Dictionary<string, string> Parents)> Plans = new()
    {
        ["chinook"] = (["Genre", "MediaType", "Playlist"], new()
        {
            ["Album"] = "Artist", ["Track"] = "Album", ["Invoice"] = "Customer", ["InvoiceLine"] = "Invoice", ["PlaylistTrack"] = "Track",
        }),
        ["northwind"] = (["categories", "region"], new()
        {
            ["orders"] = "customers", ["order_details"] = "orders", ["products"] = "suppliers", ["employee_territories"] = "employees",
            ["customer_customer_demo"] = "customers",
        }),
        ["clinic"] = (["vocabulary", "concept"], new()
        {
            ["visit"] = "person", ["measurement"] = "visit", ["measurement_note"] = "measurement", ["lab_run"] = "lab",
        }),
    };
}
