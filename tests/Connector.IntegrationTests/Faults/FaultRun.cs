using System.Globalization;
using System.Text.Json;
using Sdv.Connector.Cli;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.Nightly;
using Sdv.Connector.Nightly.Config;

namespace Sdv.Connector.IntegrationTests.Faults;

/// <summary>
/// What every fault test needs: a folder of its own with a run configuration, the source data
/// (60 customers, 200 orders), runs of the nightly job with hooks and a cancellation token, the
/// run summary, and a fingerprint of a clone to prove it unchanged.
/// </summary>
internal sealed class FaultRun : IDisposable
{
    public const int Customers = 60;
    public const int Orders = 200;

    public string Folder { get; } = Directory.CreateTempSubdirectory("sdv-faults-").FullName;

    public string SummaryPath => Path.Combine(Folder, "summary.json");

    public string PasswordFile
    {
        get
        {
            var path = Path.Combine(Folder, "server.pass");
            if (!File.Exists(path)) File.WriteAllText(path, "sdv\n");
            return path;
        }
    }

    /// <summary>Writes a configuration; a null password file means none is needed (SQLite, trust).</summary>
    public string WriteConfig(string sourceUrl, string? sourcePasswordFile, string targetUrl, string? targetPasswordFile,
        int attempts = 2, int baseDelayMs = 10, int maxDelayMs = 50, long seed = 42, bool reuse = true, double scale = 1)
    {
        static string Password(string? file) => file is null ? "" : $"\n  password_file: \"{file}\"";
        var yaml = $"""
            source:
              url: "{sourceUrl}"{Password(sourcePasswordFile)}
            target:
              url: "{targetUrl}"{Password(targetPasswordFile)}
            seed: {seed.ToString(CultureInfo.InvariantCulture)}
            scale: {scale.ToString(CultureInfo.InvariantCulture)}
            model:
              path: model.sdvm
              reuse: {(reuse ? "true" : "false")}
              on_drift: refit
            retry:
              attempts: {attempts}
              base_delay_ms: {baseDelayMs}
              max_delay_ms: {maxDelayMs}
            summary: summary.json
            log: nightly.log
            """;
        var path = Path.Combine(Folder, "nightly.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    public static async Task<(int Code, string Output, string Error)> RunJobAsync(string config, NightlyHooks? hooks = null, CancellationToken cancellationToken = default)
    {
        var settings = NightlyConfigReader.Load(config, null, Environment.GetEnvironmentVariable);
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await new NightlyJob(settings, output, error, hooks).RunAsync(cancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    public static async Task<(int Code, string Output, string Error)> RunCliAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await CliApp.RunAsync(args, output, error, interactive: false);
        return (code, output.ToString(), error.ToString());
    }

    public JsonElement Summary() => JsonDocument.Parse(File.ReadAllText(SummaryPath)).RootElement;

    public int Int(string key) => Summary().GetProperty(key).GetInt32();

    public IReadOnlyList<string> Strings(string key) => Summary().GetProperty(key).EnumerateArray().Select(e => e.GetString()!).ToList();

    /// <summary>The source tables: customers and orders, a foreign key between them (SQL every engine here takes).</summary>
    public static async Task FillSourceAsync(TestDatabase source)
    {
        await source.ExecuteAsync(
            "CREATE TABLE customers (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL, tier VARCHAR(10) NOT NULL, score INTEGER)\n;;\n" +
            "CREATE TABLE orders (id INTEGER NOT NULL PRIMARY KEY, customer_id INTEGER NOT NULL, amount DECIMAL(10,2) NOT NULL, note VARCHAR(100), " +
            "FOREIGN KEY (customer_id) REFERENCES customers (id))");
        var tiers = new[] { "gold", "silver", "bronze" };
        var customers = Enumerable.Range(1, Customers).Select(i => $"({i}, 'customer {i}', '{tiers[i % 3]}', {(i % 7 == 0 ? "NULL" : (i * 13 % 100).ToString(CultureInfo.InvariantCulture))})");
        var orders = Enumerable.Range(1, Orders).Select(i => $"({i}, {1 + (i * 7 % Customers)}, {(i * 3.25m % 500).ToString("0.00", CultureInfo.InvariantCulture)}, {(i % 4 == 0 ? "NULL" : $"'note {i % 9}'")})");
        await source.ExecuteAsync($"INSERT INTO customers (id, name, tier, score) VALUES {string.Join(", ", customers)}\n;;\nINSERT INTO orders (id, customer_id, amount, note) VALUES {string.Join(", ", orders)}");
    }

    public static async Task<long> CountAsync(TestDatabase database, string table) => await database.ScalarAsync<long>($"SELECT COUNT(*) FROM {table}");

    /// <summary>
    /// What a clone holds, in one line: row counts, orphans, and sums and extremes that differ between
    /// two seeds, so "the same clone as before" and "a complete new clone" can both be asserted.
    /// </summary>
    public static async Task<string> FingerprintAsync(TestDatabase database)
    {
        var parts = new List<string>();
        foreach (var sql in new[]
        {
            "SELECT COUNT(*) FROM customers",
            "SELECT COUNT(*) FROM orders",
            "SELECT COUNT(*) FROM orders o LEFT JOIN customers c ON c.id = o.customer_id WHERE c.id IS NULL",
            "SELECT COALESCE(SUM(score), 0) FROM customers",
            "SELECT SUM(amount) FROM orders",
            "SELECT MIN(name) FROM customers",
            "SELECT MAX(name) FROM customers",
        })
        {
            parts.Add(await database.ScalarAsync<string>(sql) ?? "null");
        }
        return string.Join("|", parts);
    }

    /// <summary>The fingerprint of a complete clone starts with the full row counts and no orphans.</summary>
    public static string CompletePrefix => $"{Customers}|{Orders}|0|";

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
