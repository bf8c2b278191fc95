using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Sdv.Connector.IntegrationTests.Scale;

/// <summary>
/// A generated clinical database in SQLite, the shape issue 20 found emptied by <c>--scale</c>: entity tables
/// that take their codes from vocabulary tables (concept, itself grouped by vocabulary), persons pointing at one
/// of 6 care sites (a small parent many rows merely point at), a self-reference (a person's mother), four levels
/// of owners (person → visit → measurement → measurement_note), and a 3-row lab that owns 150 runs (a small
/// parent whose rows are part of its children's keys). Rows from a seeded <see cref="Random"/>.
/// </summary>
internal static class ClinicSchema
{
    public static readonly string[] Ddl =
    [
        "CREATE TABLE vocabulary (vocabulary_id INTEGER PRIMARY KEY, vocabulary_name TEXT NOT NULL)",
        "CREATE TABLE concept (concept_id INTEGER PRIMARY KEY, vocabulary_id INTEGER NOT NULL REFERENCES vocabulary (vocabulary_id), concept_name TEXT NOT NULL)",
        "CREATE TABLE care_site (care_site_id INTEGER PRIMARY KEY, care_site_name TEXT NOT NULL, opened DATE NOT NULL)",
        "CREATE TABLE person (person_id INTEGER PRIMARY KEY, care_site_id INTEGER NOT NULL REFERENCES care_site (care_site_id), "
            + "gender_concept_id INTEGER NOT NULL REFERENCES concept (concept_id), birth_date DATE NOT NULL, mother_id INTEGER REFERENCES person (person_id))",
        "CREATE TABLE visit (visit_id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL REFERENCES person (person_id), "
            + "visit_concept_id INTEGER NOT NULL REFERENCES concept (concept_id), care_site_id INTEGER REFERENCES care_site (care_site_id), visit_date DATE NOT NULL)",
        "CREATE TABLE measurement (measurement_id INTEGER PRIMARY KEY, visit_id INTEGER NOT NULL REFERENCES visit (visit_id), "
            + "measurement_concept_id INTEGER NOT NULL REFERENCES concept (concept_id), value_as_number REAL)",
        "CREATE TABLE measurement_note (note_id INTEGER PRIMARY KEY, measurement_id INTEGER NOT NULL REFERENCES measurement (measurement_id), flag TEXT NOT NULL, score INTEGER NOT NULL)",
        "CREATE TABLE lab (lab_id INTEGER PRIMARY KEY, lab_name TEXT NOT NULL, opened DATE NOT NULL)",
        "CREATE TABLE lab_run (lab_id INTEGER NOT NULL REFERENCES lab (lab_id), run_no INTEGER NOT NULL, started DATE NOT NULL, samples INTEGER NOT NULL, PRIMARY KEY (lab_id, run_no))",
    ];

    private static readonly string[] Flags = ["high", "low", "critical", "normal"];

    /// <summary>Creates the database at <paramref name="path"/> with its rows.</summary>
    public static async Task BuildAsync(string path)
    {
        var random = new Random(20);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, ForeignKeys = true }.ConnectionString);
        await connection.OpenAsync();
        foreach (var ddl in Ddl) await ExecuteAsync(connection, null, ddl);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        async Task InsertAsync(string table, params object?[] values)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {table} VALUES ({string.Join(", ", values.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
            for (var i = 0; i < values.Length; i++) command.Parameters.AddWithValue("$p" + i.ToString(CultureInfo.InvariantCulture), values[i] ?? DBNull.Value);
            await command.ExecuteNonQueryAsync();
        }

        string Day(int offset) => new DateOnly(2015, 1, 1).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        string[] vocabularies = ["Gender", "Visit", "Measurement", "Unit"];
        for (var v = 1; v <= vocabularies.Length; v++) await InsertAsync("vocabulary", v, vocabularies[v - 1]);
        // 30 concepts: 2 genders, 4 visit kinds, 20 measurements, 4 units (never used by an entity table).
        var concepts = new List<(int Id, int Vocabulary)>();
        for (var c = 1; c <= 30; c++)
        {
            var vocabulary = c <= 2 ? 1 : c <= 6 ? 2 : c <= 26 ? 3 : 4;
            concepts.Add((c, vocabulary));
            await InsertAsync("concept", c, vocabulary, $"{vocabularies[vocabulary - 1]} concept {c}");
        }

        for (var s = 1; s <= 6; s++) await InsertAsync("care_site", s, $"Site {s}", Day(-400 * s));
        for (var p = 1; p <= 400; p++)
        {
            var mother = p > 40 && random.NextDouble() < 0.3 ? random.Next(1, p) : (int?)null;
            await InsertAsync("person", p, 1 + (int)Math.Min(5, -Math.Log(1 - random.NextDouble()) * 2), 1 + random.Next(2), Day(-20_000 + random.Next(18_000)), mother);
        }

        var visitId = 0;
        var measurementId = 0;
        var noteId = 0;
        for (var p = 1; p <= 400; p++)
        {
            var visits = random.Next(0, 7);
            for (var v = 0; v < visits; v++)
            {
                visitId++;
                await InsertAsync("visit", visitId, p, 3 + random.Next(4), random.NextDouble() < 0.2 ? null : 1 + random.Next(6), Day(random.Next(3_000)));
                var measurements = random.Next(1, 6);
                for (var m = 0; m < measurements; m++)
                {
                    measurementId++;
                    var concept = 7 + Math.Min(19, (int)(-Math.Log(1 - random.NextDouble()) * 5));
                    await InsertAsync("measurement", measurementId, visitId, concept, random.NextDouble() < 0.1 ? null : Math.Round(50 + random.NextDouble() * 100, 1));
                    if (random.NextDouble() < 0.3)
                    {
                        noteId++;
                        await InsertAsync("measurement_note", noteId, measurementId, Flags[random.Next(Flags.Length)], random.Next(1, 10));
                    }
                }
            }
        }

        for (var l = 1; l <= 3; l++)
        {
            await InsertAsync("lab", l, $"Lab {l}", Day(-1_000 * l));
            for (var r = 1; r <= 50; r++) await InsertAsync("lab_run", l, r, Day(r * 7 + l), random.Next(5, 60));
        }

        await transaction.CommitAsync();
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
