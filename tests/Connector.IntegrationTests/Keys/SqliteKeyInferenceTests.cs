using System.Globalization;
using Microsoft.Data.Sqlite;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Keys;

public sealed class SqliteKeyInferenceTests(SqliteFixture fixture) : KeyInferenceSuite<SqliteFixture>(fixture)
{
    /// <summary>The same constraint-free source as a CSV folder (one file per table, a header row): the same keys, enforced on the clone.</summary>
    [SkippableFact]
    public async Task Keys_of_a_csv_folder_are_inferred_and_enforced_on_the_clone()
    {
        await using var db = await ConstraintFreeAsync();
        var folder = Path.Combine(Path.GetTempPath(), "sdv-keys-csv-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        try
        {
            await using (var connection = new SqliteConnection($"Data Source={db.Name};Mode=ReadOnly;Pooling=False"))
            {
                await connection.OpenAsync();
                foreach (var table in CloneFixtureSchemaTables())
                {
                    await ExportAsync(connection, table, Path.Combine(folder, table + ".csv"));
                }
            }
            await IntrospectAndCompareAsync(folder);
            await CloneHoldsTheKeysAsync(folder);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IEnumerable<string> CloneFixtureSchemaTables() => Cloning.CloneFixtureSchema.AllTables.Append("coupon");

    private static async Task ExportAsync(SqliteConnection connection, string table, string path)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        await using var writer = new StreamWriter(path);
        await writer.WriteLineAsync(string.Join(",", Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)));
        while (await reader.ReadAsync())
        {
            var cells = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? string.Empty : Quote(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!));
            await writer.WriteLineAsync(string.Join(",", cells));
        }
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
