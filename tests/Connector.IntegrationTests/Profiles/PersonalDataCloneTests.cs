using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Sdv.Connector.IntegrationTests.Cloning;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Profiles;

/// <summary>
/// Issue 14's detection: ship names, ship addresses and numbers that are personal (zip, tax, passport
/// stored as integers) are generated in the clone, never copied; their false friends are learned.
/// </summary>
public sealed class PersonalDataCloneTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sdv-pii-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Personal_columns_stored_as_text_or_numbers_are_generated_and_false_friends_learned()
    {
        Directory.CreateDirectory(_root);
        var source = Path.Combine(_root, "shop.db");
        var sql = new StringBuilder("""
            CREATE TABLE orders (order_id INTEGER PRIMARY KEY, ship_name VARCHAR(40) NOT NULL, ship_address VARCHAR(60) NOT NULL,
              zip INTEGER NOT NULL, tax_number BIGINT, passport_no INTEGER, ip_count INTEGER NOT NULL, taxable INTEGER NOT NULL, freight REAL);

            """);
        for (var i = 1; i <= 600; i++)
        {
            // Each name and address repeats 6 times (above the rare-category threshold): learned as categories they would be copied.
            sql.Append(CultureInfo.InvariantCulture,
                $"INSERT INTO orders VALUES ({i}, 'Vins et alcools {i % 100}', '{i % 100} Rue de l''Abbaye', {10000 + (i % 100) * 7}, {900000000 + i % 100}, {i % 100 * 13}, {i % 4}, {i % 2}, {i * 0.5});\n");
        }
        await using (var connection = new SqliteConnection($"Data Source={source};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync();
        }

        var metadata = Path.Combine(_root, "m.json");
        var run = await CliRun.RunAsync("introspect", "--source", source, "--out", metadata);
        Assert.True(run.ExitCode == 0, run.ToString());
        var columns = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(metadata))!["tables"]!["orders"]!["columns"]!;
        Assert.Equal(
            ["name", "street_address", "postcode", "ein", "passport_number", "numerical", "numerical"],
            new[] { "ship_name", "ship_address", "zip", "tax_number", "passport_no", "ip_count", "taxable" }.Select(c => columns[c]!["sdtype"]!.GetValue<string>()));

        var target = Path.Combine(_root, "clone.db");
        run = await CliRun.RunAsync("clone", "--source", source, "--target", target, "--no-evaluate", "--seed", "2");
        Assert.True(run.ExitCode == 0, run.ToString());
        await using var clone = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        await clone.OpenAsync();
        await using var check = clone.CreateCommand();
        check.CommandText = $"ATTACH DATABASE '{source.Replace("'", "''", StringComparison.Ordinal)}' AS real";
        await check.ExecuteNonQueryAsync();
        foreach (var column in new[] { "ship_name", "ship_address", "zip", "tax_number", "passport_no" })
        {
            check.CommandText = $"SELECT COUNT(*) FROM main.orders c WHERE c.{column} IN (SELECT {column} FROM real.orders)";
            var copied = Convert.ToInt64(await check.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            Assert.True(copied <= 6, $"{copied} of 600 synthetic {column} values are real ones");
        }
        check.CommandText = "SELECT COUNT(*) FROM main.orders WHERE typeof(zip) = 'integer' AND zip > 0";
        Assert.Equal(600L, Convert.ToInt64(await check.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
        // The false friends are learned: ip_count keeps its four real values.
        check.CommandText = "SELECT COUNT(DISTINCT ip_count) FROM main.orders WHERE ip_count BETWEEN 0 AND 3";
        Assert.Equal(4L, Convert.ToInt64(await check.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
    }
}
