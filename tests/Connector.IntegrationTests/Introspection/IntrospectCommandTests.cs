using System.Text.RegularExpressions;
using Sdv.Connector.IntegrationTests.Cloning;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Introspection;

/// <summary>`introspect` as a user meets it: the summary's counts, and files only when --out asks for them.</summary>
public sealed class IntrospectCommandTests : IAsyncLifetime
{
    // 7 tables, 6 relationships: one self-reference (customer.referred_by), two composite (to order_line's key).
    private const string Ddl = """
        CREATE TABLE region (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
        ;;
        CREATE TABLE customer (id INTEGER PRIMARY KEY, region_id INTEGER NOT NULL REFERENCES region(id), referred_by INTEGER REFERENCES customer(id), score REAL);
        ;;
        CREATE TABLE product (id INTEGER PRIMARY KEY, price REAL NOT NULL);
        ;;
        CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customer(id), product_id INTEGER NOT NULL REFERENCES product(id));
        ;;
        CREATE TABLE order_line (order_id INTEGER NOT NULL, line_no INTEGER NOT NULL, quantity INTEGER NOT NULL, PRIMARY KEY (order_id, line_no));
        ;;
        CREATE TABLE shipment (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL, line_no INTEGER NOT NULL, FOREIGN KEY (order_id, line_no) REFERENCES order_line(order_id, line_no));
        ;;
        CREATE TABLE refund (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL, line_no INTEGER NOT NULL, FOREIGN KEY (order_id, line_no) REFERENCES order_line(order_id, line_no));
        ;;
        CREATE VIEW v_customers AS SELECT id FROM customer;
        ;;
        CREATE VIEW v_products AS SELECT id FROM product;
        ;;
        CREATE VIEW v_orders AS SELECT id FROM orders;
        ;;
        INSERT INTO region VALUES (1, 'north'), (2, 'south');
        ;;
        INSERT INTO customer VALUES (1, 1, NULL, 0.5), (2, 2, 1, 0.7), (3, 1, 2, 0.1);
        """;

    private readonly SqliteFixture _sqlite = new();
    private TestDatabase? _database;

    public async Task InitializeAsync()
    {
        _database = await _sqlite.CreateDatabaseAsync();
        await _database.ExecuteAsync(Ddl);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }

    [Fact]
    public async Task Summary_counts_relationships_self_references_and_composite_keys_apart()
    {
        var run = await CliRun.RunAsync("introspect", "--source", _database!.Name, "--infer-keys", "off");
        Assert.True(run.ExitCode == 0, run.ToString());
        var line = run.Output.Split('\n').First(l => l.Contains(" relationships ", StringComparison.Ordinal));
        var match = Regex.Match(line, @": (\d+) tables, (\d+) columns, ([\d,]+) rows[^,]*, (\d+) relationships \((\d+) self-referencing, (\d+) composite\), (\d+) views");
        Assert.True(match.Success, line);
        Assert.Equal("7", match.Groups[1].Value);
        Assert.Equal("20", match.Groups[2].Value);
        Assert.Equal("6", match.Groups[4].Value);
        Assert.Equal("1", match.Groups[5].Value);
        Assert.Equal("2", match.Groups[6].Value);
        Assert.Equal("3", match.Groups[7].Value);
    }

    [Fact]
    public async Task Without_out_it_prints_the_summary_and_writes_no_file()
    {
        // The default was ./metadata.json (and its sidecar): nothing may appear or change there. The working
        // folder is not changed for the test, since tests of other classes run in this process at the same time.
        var here = Directory.GetCurrentDirectory();
        string[] Defaults() => [.. new[] { "metadata.json", "metadata.sdv-connector.json" }
            .Select(f => Path.Combine(here, f)).Select(f => File.Exists(f) ? $"{f} {File.GetLastWriteTimeUtc(f):O}" : f)];
        var before = Defaults();
        var run = await CliRun.RunAsync("introspect", "--source", _database!.Name);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("7 tables", run.Output, StringComparison.Ordinal);
        Assert.Contains("no file written", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("metadata written", run.Output, StringComparison.Ordinal);
        Assert.Equal(before, Defaults());

        var folder = Directory.CreateTempSubdirectory("sdv-introspect-").FullName;
        try
        {
            var metadata = Path.Combine(folder, "m.json");
            var written = await CliRun.RunAsync("introspect", "--source", _database.Name, "--out", metadata);
            Assert.True(written.ExitCode == 0, written.ToString());
            Assert.Contains($"metadata written to {metadata}", written.Output, StringComparison.Ordinal);
            Assert.Equal(["m.json", "m.sdv-connector.json"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
