using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Evaluation;

/// <summary>
/// Issue 14: on tables over 50,000 rows, evaluate's Cardinality, ReferentialIntegrity and exact matches are the values of
/// all the rows, not of a sample (evaluate once read 50,000 rows per table and reported 0.852 where the data gave 0.408).
/// The figures below are worked out by hand from how the tables are built; a sample of 50,000 rows would give others
/// (its first half of the child rows are all copies, every parent there has a child).
/// </summary>
public sealed class LargeTableEvaluateTests(SqliteFixture fixture) : EngineTestBase<SqliteFixture>(fixture)
{
    private const int Rows = 100_000;

    // Foreign keys off while the synthetic side is written: its orphan children are the point.
    private static string Build(bool synthetic) => $"""
        PRAGMA foreign_keys = OFF
        ;;
        CREATE TABLE parent (id INTEGER PRIMARY KEY, v INTEGER NOT NULL)
        ;;
        CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id), amount INTEGER NOT NULL)
        ;;
        WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < {Rows}) INSERT INTO parent SELECT x, x % 7 FROM g
        ;;
        WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < {Rows}) INSERT INTO child SELECT x,
            {(synthetic ? "CASE WHEN x <= 90000 THEN x ELSE 200000 + x END" : "1 + (x - 1) / 2")},
            {(synthetic ? "CASE WHEN x <= 60000 THEN x % 13 ELSE 1000 + x END" : "x % 13")} FROM g
        """;

    [SkippableFact]
    public async Task Cardinality_referential_integrity_and_exact_matches_count_every_row()
    {
        await using var real = await NewDatabaseAsync();
        await using var synthetic = await NewDatabaseAsync();
        await real.ExecuteAsync(Build(synthetic: false));
        await synthetic.ExecuteAsync(Build(synthetic: true));
        var json = SqliteEvaluateTests.TempFile(".json");
        try
        {
            var run = await EvaluateRun.RunAsync("evaluate", "--real", real.Name, "--synthetic", synthetic.Name, "--json", json);
            Assert.True(run.ExitCode == 0, run.ToString());

            // Real: parents 1-50,000 have 2 children, the rest none. Synthetic: parents 1-90,000 have 1, the rest none
            // (10,000 children point at no parent). KS of the two count distributions: 0.5 at one child.
            Assert.Equal(0.5, run.Figure("quality.properties.Cardinality")!.Value, 6);
            // 90,000 of 100,000 children have their parent.
            using var document = System.Text.Json.JsonDocument.Parse(run.Json!);
            var integrity = document.RootElement.GetProperty("diagnostic").GetProperty("relationshipValidity").EnumerateArray()
                .Single(r => r.GetProperty("metric").GetString() == "ReferentialIntegrity");
            Assert.Equal(0.9, integrity.GetProperty("score").GetDouble(), 6);
            // The first 60,000 children's amounts are real ones, the other 40,000 are new: exactly 60,000 of 100,000 rows.
            var child = document.RootElement.GetProperty("privacy").GetProperty("exactMatch").GetProperty("tables").EnumerateArray()
                .Single(t => t.GetProperty("table").GetString() == "child");
            Assert.Equal(100_000, child.GetProperty("syntheticRows").GetInt64());
            Assert.Equal(60_000, child.GetProperty("matches").GetInt64());
        }
        finally
        {
            File.Delete(json);
        }
    }
}
