using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Evaluation;

/// <summary>
/// `evaluate` with the real database in SQLite and its copy in the fixture's engine, written by plain
/// SQL inserts under a differently cased table name: tables and columns are matched across engines.
/// </summary>
public abstract class EvaluateSuite<TFixture>(TFixture fixture) : EngineTestBase<TFixture>(fixture)
    where TFixture : EngineFixture
{
    [SkippableFact]
    public async Task Copy_in_this_engine_matches_by_name_and_scores_one()
    {
        await using var copy = await NewDatabaseAsync();
        await using var real = await new SqliteFixture().CreateDatabaseAsync();
        await EvaluationData.CreateAsync(real);
        await EvaluationData.CreateAsync(copy, customers: "Customers", orders: "Orders");
        var json = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var run = await EvaluateRun.RunAsync(["evaluate", .. EvaluationData.Endpoint(real, "real"), .. EvaluationData.Endpoint(copy, "synthetic"), "--json", json]);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(1.0, run.Figure("quality.overall")!.Value, 6);
            Assert.Equal(1.0, run.Figure("quality.properties.Cardinality")!.Value, 6);
            Assert.Equal(1.0, run.Figure("quality.properties.Intertable_Trends")!.Value, 6);
            Assert.Equal(1.0, run.Figure("diagnostic.properties.Data_Validity")!.Value, 6);
            Assert.Equal(1.0, run.Figure("diagnostic.properties.Data_Structure")!.Value, 6);
            Assert.Equal(1.0, run.Figure("diagnostic.overall")!.Value, 6);
            Assert.Equal(1.0, run.Figure("diagnostic.properties.Relationship_Validity")!.Value, 6);
            Assert.Equal(1.0, run.Figure("privacy.exactMatchRate")!.Value, 6);
            Assert.DoesNotContain("has no table", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(json);
        }
    }
}
