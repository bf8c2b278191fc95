using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Sdv.Connector.IntegrationTests.Cloning;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Privacy;

/// <summary>
/// Issue 14's k-anonymity test: values seen fewer than k (5) times are planted in every kind of column
/// of a source (a category, a name, an integer and a decimal far outside the rest, a date, a timestamp,
/// and a rare combination of two common categories) and looked for in the clone and in the model file.
/// None may appear, except the combination, which may only appear as often as independent draws of its
/// two halves would give.
/// </summary>
public sealed class PlantedRareValuesTests : IDisposable
{
    private const int Patients = 1500;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sdv-planted-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task No_value_seen_fewer_than_k_times_reaches_the_clone_or_the_model_file()
    {
        Directory.CreateDirectory(_root);
        var source = Path.Combine(_root, "clinic.db");
        await CreateSourceAsync(source);

        var model = Path.Combine(_root, "clinic.sdvm");
        var run = await CliRun.RunAsync("fit", "--source", source, "--model", model);
        Assert.True(run.ExitCode == 0, run.ToString());
        var target = Path.Combine(_root, "clone.db");
        run = await CliRun.RunAsync("sample", "--model", model, "--target", target, "--seed", "3");
        Assert.True(run.ExitCode == 0, run.ToString());

        // The model file: no planted text, number or date, and nothing that names the source.
        var file = await File.ReadAllTextAsync(model);
        foreach (var planted in new[] { "Zzyzx", "Quillfeather", "987.6", "123456789", "4242.42", new DateOnly(1901, 2, 3).DayNumber.ToString(CultureInfo.InvariantCulture), "clinic.db", _root })
        {
            Assert.DoesNotContain(planted, file, StringComparison.Ordinal);
        }

        await using var clone = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        await clone.OpenAsync();
        Assert.Equal(Patients, await ScalarAsync(clone, "SELECT COUNT(*) FROM patients"));
        Assert.Equal(0, await ScalarAsync(clone, "SELECT COUNT(*) FROM patients WHERE region = 'Zzyzx Springs'"));
        Assert.Equal(0, await ScalarAsync(clone, "SELECT COUNT(*) FROM patients WHERE nickname LIKE '%Quillfeather%'"));
        Assert.Equal(0, await ScalarAsync(clone, "SELECT COUNT(*) FROM patients WHERE weight_kg >= 900 OR income >= 100000000"));
        Assert.Equal(0, await ScalarAsync(clone, "SELECT COUNT(*) FROM patients WHERE birth_date < '1910-01-01'"));
        Assert.Equal(0, await ScalarAsync(clone, "SELECT COUNT(*) FROM patients WHERE registered_at = '1999-12-31 23:59:58'"));
        Assert.Equal(0, await ScalarAsync(clone, "SELECT COUNT(*) FROM visits WHERE fee = 4242.42"));

        // Heights with three decimals are nearly all seen once: the tails end at the mean of the k most
        // extreme values, never at the real minimum or maximum.
        await using (var attach = clone.CreateCommand())
        {
            attach.CommandText = $"ATTACH DATABASE '{source.Replace("'", "''", StringComparison.Ordinal)}' AS real";
            await attach.ExecuteNonQueryAsync();
        }

        Assert.Equal(0, await ScalarAsync(clone, "SELECT COUNT(*) FROM main.patients WHERE height_cm = (SELECT MAX(height_cm) FROM real.patients) OR height_cm = (SELECT MIN(height_cm) FROM real.patients)"));

        // Timestamps seen once each: a clone that copied them would match most; chance is near zero at second precision.
        var copiedTimes = await ScalarAsync(clone, "SELECT COUNT(*) FROM main.patients WHERE registered_at IN (SELECT registered_at FROM real.patients)");
        Assert.True(copiedTimes <= Patients / 100, $"{copiedTimes} of {Patients} synthetic registration times are real ones");

        // The rare combination (East, AB-) seen twice: no more often than independent halves would meet.
        var east = await ScalarAsync(clone, "SELECT COUNT(*) FROM main.patients WHERE region = 'East'");
        var ab = await ScalarAsync(clone, "SELECT COUNT(*) FROM main.patients WHERE blood_type = 'AB-'");
        var both = await ScalarAsync(clone, "SELECT COUNT(*) FROM main.patients WHERE region = 'East' AND blood_type = 'AB-'");
        var chance = east * (double)ab / Patients;
        Assert.True(both <= chance + (3 * Math.Sqrt(chance)) + 1, $"(East, AB-) {both} times in the clone; independent halves give {chance:F1}");
    }

    /// <summary>Patients and their visits, with rare values planted among common ones.</summary>
    private static async Task CreateSourceAsync(string path)
    {
        var random = new Random(17);
        string[] regions = ["North", "South", "East", "West", "Central"];
        string[] bloodTypes = ["A+", "A-", "B+", "O+", "O-", "AB-"];
        string[] nicknames = ["Sunny", "Buddy", "Ace", "Doc", "Red", "Kit"];
        var sql = new StringBuilder("""
            CREATE TABLE patients (id INTEGER PRIMARY KEY, region VARCHAR(20) NOT NULL, blood_type VARCHAR(3) NOT NULL, nickname VARCHAR(30),
              birth_date DATE NOT NULL, registered_at DATETIME NOT NULL, weight_kg NUMERIC(5,1) NOT NULL, height_cm NUMERIC(6,3) NOT NULL, income INTEGER NOT NULL);
            CREATE TABLE visits (id INTEGER PRIMARY KEY, patient_id INTEGER NOT NULL REFERENCES patients (id), fee NUMERIC(8,2) NOT NULL);

            """);
        var visit = 1;
        for (var i = 1; i <= Patients; i++)
        {
            var region = i <= 2 ? "Zzyzx Springs" : regions[random.Next(regions.Length)];
            // AB- only ever in the West, except twice in the East: a rare pair of two common values.
            var blood = i is 3 or 4 ? "AB-" : bloodTypes[random.Next(bloodTypes.Length - 1)];
            if (i is 3 or 4) region = "East";
            else if (random.NextDouble() < 0.05) (region, blood) = ("West", "AB-");
            var nickname = i == 5 ? "Quillfeather" : nicknames[random.Next(nicknames.Length)];
            var birth = i <= 3 ? new DateOnly(1901, 2, 3) : new DateOnly(1940, 1, 1).AddDays(random.Next(25_000));
            var registered = i == 6 ? new DateTime(1999, 12, 31, 23, 59, 58) : new DateTime(2015, 1, 1).AddSeconds(random.Next(250_000_000));
            var weight = i == 7 ? 987.6m : Math.Round(55 + (decimal)(random.NextDouble() * 50), 1);
            var income = i == 8 ? 123456789 : 20_000 + random.Next(80_000);
            sql.Append(CultureInfo.InvariantCulture,
                $"INSERT INTO patients VALUES ({i}, '{region}', '{blood}', '{nickname}', '{birth:yyyy-MM-dd}', '{registered:yyyy-MM-dd HH:mm:ss}', {weight}, {Math.Round(150 + (random.NextDouble() * 50), 3)}, {income});\n");
            for (var v = random.Next(4); v > 0; v--)
            {
                var fee = visit == 10 ? 4242.42m : 20 + (decimal)random.Next(200);
                sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO visits VALUES ({visit++}, {i}, {fee});\n");
            }
        }

        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
