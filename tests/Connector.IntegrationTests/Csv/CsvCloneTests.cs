using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Sdv.Connector.Cli;
using Sdv.Connector.Csv;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Csv;

/// <summary>
/// "CSV folder in, queries on the clone out": a folder of extracts (customers with ';', orders with
/// ',', empty fields, keys only in a metadata file) cloned into SQLite and into another CSV folder.
/// </summary>
public sealed class CsvCloneTests : IDisposable
{
    private const int Customers = 80;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sdv-csv-it-" + Guid.NewGuid().ToString("N"));
    private readonly string _source;
    private readonly string _metadata;
    private readonly HashSet<string> _realEmails = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _orders;

    public CsvCloneTests()
    {
        _source = Path.Combine(_root, "extracts");
        Directory.CreateDirectory(_source);
        var random = new Random(11);
        var customers = new StringBuilder("id;name;email;signup_date;credit_limit\r\n");
        for (var id = 1; id <= Customers; id++)
        {
            var email = $"person{id}.{random.Next(1000, 9999)}@realmail.example";
            _realEmails.Add(email);
            var limit = id % 7 == 0 ? "" : (500 + random.Next(0, 5000) + 0.25 * random.Next(0, 4)).ToString("0.00", CultureInfo.InvariantCulture);
            // A name with the delimiter inside quotes, as spreadsheets write it.
            var name = id % 10 == 0 ? $"\"Smith; Jr {id}\"" : $"Customer {id}";
            customers.Append(CultureInfo.InvariantCulture, $"{id};{name};{email};{new DateOnly(2020, 1, 1).AddDays(random.Next(0, 1000)):yyyy-MM-dd};{limit}\r\n");
        }
        var orders = new StringBuilder("id,customer_id,amount,ordered_at,note\n");
        var orderId = 0;
        for (var customer = 1; customer <= Customers; customer++)
        {
            for (var k = 0; k < customer % 5; k++)
            {
                orderId++;
                var amount = orderId % 9 == 0 ? "" : (10 + random.NextDouble() * 200).ToString("0.00", CultureInfo.InvariantCulture);
                var note = orderId % 4 == 0 ? "\"gift, wrapped\"" : "";
                orders.Append(CultureInfo.InvariantCulture, $"{orderId},{customer},{amount},{new DateTime(2023, 1, 1).AddMinutes(random.Next(0, 500_000)):yyyy-MM-dd HH:mm:ss},{note}\n");
            }
        }
        _orders = orderId;
        File.WriteAllText(Path.Combine(_source, "customers.csv"), customers.ToString(), new UTF8Encoding(true));
        File.WriteAllText(Path.Combine(_source, "orders.csv"), orders.ToString(), new UTF8Encoding(false));
        _metadata = Path.Combine(_root, "metadata.json");
        File.WriteAllText(_metadata, """
        {
          "METADATA_SPEC_VERSION": "MULTI_TABLE_V1",
          "tables": {
            "customers": {
              "primary_key": "id",
              "columns": {
                "id": { "sdtype": "id" },
                "name": { "sdtype": "name", "pii": true },
                "email": { "sdtype": "email", "pii": true },
                "signup_date": { "sdtype": "datetime", "datetime_format": "%Y-%m-%d" },
                "credit_limit": { "sdtype": "numerical" }
              }
            },
            "orders": {
              "primary_key": "id",
              "columns": {
                "id": { "sdtype": "id" },
                "customer_id": { "sdtype": "id" },
                "amount": { "sdtype": "numerical" },
                "ordered_at": { "sdtype": "datetime" },
                "note": { "sdtype": "categorical" }
              }
            }
          },
          "relationships": [
            { "parent_table_name": "customers", "child_table_name": "orders", "parent_primary_key": "id", "child_foreign_key": "customer_id" }
          ]
        }
        """);
    }

    [Fact]
    public async Task Clones_a_csv_folder_into_sqlite_with_keys_from_the_metadata()
    {
        var before = Hashes();
        var target = Path.Combine(_root, "clone.db");
        var (code, output, error) = await RunAsync("clone", "--source", "csv://" + _source, "--target", target, "--metadata", _metadata, "--seed", "3");
        Assert.True(code == ExitCodes.Success, $"exit {code}: {error}\n{output}");
        Assert.Equal(before, Hashes());

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        Assert.Equal(Customers, await ScalarAsync(connection, "SELECT count(*) FROM customers"));
        var orders = await ScalarAsync(connection, "SELECT count(*) FROM orders");
        Assert.InRange(orders, _orders * 0.9, _orders * 1.1);
        Assert.Equal(0, await ScalarAsync(connection, "SELECT count(*) FROM orders o WHERE o.customer_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = o.customer_id)"));
        Assert.Equal(0, await ScalarAsync(connection, "SELECT count(*) - count(DISTINCT id) FROM customers"));
        // The relationship from the metadata file became a declared foreign key of the clone.
        Assert.Equal(1, await ScalarAsync(connection, "SELECT count(*) FROM pragma_foreign_key_list('orders') WHERE \"table\" = 'customers' AND \"from\" = 'customer_id'"));
        // Types inferred from the files: decimals stay numbers, dates stay dates, empty fields are NULL.
        Assert.InRange(await ScalarAsync(connection, "SELECT count(*) FROM customers WHERE credit_limit IS NULL"), 1, Customers / 2);
        Assert.Equal(0, await ScalarAsync(connection, "SELECT count(*) FROM customers WHERE signup_date < '2020-01-01' OR signup_date > '2022-12-31'"));
        await using var emails = connection.CreateCommand();
        emails.CommandText = "SELECT email FROM customers";
        await using var reader = await emails.ExecuteReaderAsync();
        var seen = 0;
        while (await reader.ReadAsync())
        {
            seen++;
            Assert.DoesNotContain(reader.GetString(0), _realEmails);
        }
        Assert.Equal(Customers, seen);
    }

    [Fact]
    public async Task Clones_a_csv_folder_into_another_csv_folder_and_refuses_a_folder_with_files()
    {
        var before = Hashes();
        var target = Path.Combine(_root, "synthetic") + "/";
        var (code, output, error) = await RunAsync("clone", "--source", _source, "--target", target, "--metadata", _metadata);
        Assert.True(code == ExitCodes.Success, $"exit {code}: {error}\n{output}");
        Assert.Equal(before, Hashes());
        Assert.Equal(new[] { "customers.csv", "orders.csv" }, Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var customers = ReadAll(Path.Combine(target, "customers.csv"));
        var orders = ReadAll(Path.Combine(target, "orders.csv"));
        Assert.Equal(new[] { "id", "name", "email", "signup_date", "credit_limit" }, customers[0]);
        Assert.Equal(new[] { "id", "customer_id", "amount", "ordered_at", "note" }, orders[0]);
        Assert.Equal(Customers, customers.Count - 1);
        Assert.InRange(orders.Count - 1, _orders * 0.9, _orders * 1.1);
        var ids = customers.Skip(1).Select(r => r[0]!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(Customers, ids.Count);
        Assert.All(orders.Skip(1), r => Assert.Contains(r[1]!, ids));
        Assert.All(customers.Skip(1), r => Assert.DoesNotContain(r[2]!, _realEmails));
        Assert.Contains(customers.Skip(1), r => r[4] is null);
        Assert.All(customers.Skip(1).Where(r => r[4] is not null), r => decimal.Parse(r[4]!, CultureInfo.InvariantCulture));
        Assert.All(orders.Skip(1), r => DateTime.ParseExact(r[3]!, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));

        // The folder now holds files: a second run is refused and leaves them as they were.
        var written = File.ReadAllBytes(Path.Combine(target, "orders.csv"));
        (code, _, error) = await RunAsync("clone", "--source", _source, "--target", target, "--metadata", _metadata, "--seed", "9");
        Assert.Equal(ExitCodes.Refused, code);
        Assert.Contains("--replace", error, StringComparison.Ordinal);
        Assert.Equal(written, File.ReadAllBytes(Path.Combine(target, "orders.csv")));

        // With --replace, the files are rewritten (another seed gives other rows), and no temporary file is left.
        (code, output, error) = await RunAsync("clone", "--source", _source, "--target", target, "--metadata", _metadata, "--seed", "9", "--replace");
        Assert.True(code == ExitCodes.Success, $"exit {code}: {error}\n{output}");
        Assert.NotEqual(written, File.ReadAllBytes(Path.Combine(target, "orders.csv")));
        Assert.Equal(2, Directory.GetFiles(target).Length);
    }

    [Fact]
    public async Task Introspect_fit_and_sample_work_on_csv_folders()
    {
        var metadataOut = Path.Combine(_root, "out.json");
        var (code, output, error) = await RunAsync("introspect", "--source", _source, "--metadata", _metadata, "--out", metadataOut);
        Assert.True(code == ExitCodes.Success, $"exit {code}: {error}\n{output}");
        var written = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(metadataOut))!;
        Assert.Equal("id", written["tables"]!["customers"]!["primary_key"]!.GetValue<string>());
        var relationship = Assert.Single(written["relationships"]!.AsArray());
        Assert.Equal("customer_id", relationship!["child_foreign_key"]!.GetValue<string>());

        var model = Path.Combine(_root, "m.sdvm");
        (code, output, error) = await RunAsync("fit", "--source", "csv://" + _source, "--metadata", _metadata, "--model", model);
        Assert.True(code == ExitCodes.Success, $"exit {code}: {error}\n{output}");
        var target = Path.Combine(_root, "sampled");
        Directory.CreateDirectory(target);
        (code, output, error) = await RunAsync("sample", "--model", model, "--target", target, "--scale", "2");
        Assert.True(code == ExitCodes.Success, $"exit {code}: {error}\n{output}");
        Assert.Equal(2 * Customers, ReadAll(Path.Combine(target, "customers.csv")).Count - 1);
        var ids = ReadAll(Path.Combine(target, "customers.csv")).Skip(1).Select(r => r[0]!).ToHashSet(StringComparer.Ordinal);
        var orders = ReadAll(Path.Combine(target, "orders.csv")).Skip(1).ToList();
        Assert.InRange(orders.Count, _orders * 2 * 0.9, _orders * 2 * 1.1);
        Assert.All(orders, r => Assert.Contains(r[1]!, ids));
    }

    [Fact]
    public async Task Staging_infers_types_and_loads_every_row()
    {
        var endpoint = Connections.EndpointParser.Parse(_source, null, null, "source");
        var staging = await CsvStaging.CreateAsync(endpoint, CsvStaging.DefaultSampleRows, CancellationToken.None);
        var staged = staging.Endpoint.Path!;
        Assert.True(File.Exists(staged));
        await using (staging)
        {
            await CheckStagedAsync(staging);
        }
        Assert.False(File.Exists(staged));
    }

    private async Task CheckStagedAsync(CsvStaging staging)
    {
        await using var connection = new SqliteConnection(staging.Endpoint.ConnectionString);
        await connection.OpenAsync();
        Assert.Equal(Customers, await ScalarAsync(connection, "SELECT count(*) FROM customers"));
        Assert.Equal(_orders, await ScalarAsync(connection, "SELECT count(*) FROM orders"));
        Assert.Equal(_orders / 9, await ScalarAsync(connection, "SELECT count(*) FROM orders WHERE amount IS NULL"));
        Assert.Equal(_orders / 4, await ScalarAsync(connection, "SELECT count(*) FROM orders WHERE note = 'gift, wrapped'"));
        Assert.Equal(Customers / 10, await ScalarAsync(connection, "SELECT count(*) FROM customers WHERE name LIKE 'Smith; Jr %'"));
        await using var types = connection.CreateCommand();
        types.CommandText = "SELECT name || ' ' || type FROM pragma_table_info('customers') ORDER BY cid";
        var declared = new List<string>();
        await using (var reader = await types.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) declared.Add(reader.GetString(0));
        }
        // Longest values: "Smith; Jr 80" (12) and "person80.NNNN@realmail.example" (30).
        Assert.Equal(new[] { "id BIGINT", "name VARCHAR(12)", "email VARCHAR(30)", "signup_date DATE", "credit_limit NUMERIC(6,2)" }, declared);
    }

    private static List<string?[]> ReadAll(string path)
    {
        using var reader = CsvReader.Open(path);
        var records = new List<string?[]>();
        while (reader.ReadRecord() is { } record) records.Add(record);
        return records;
    }

    private Dictionary<string, string> Hashes() => Directory.GetFiles(_source).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))))!;

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, interactive: false, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clear.
        }
    }
}
