using Sdv.Connector.Connections;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.Pipeline;
using Sdv.Connector.Pipeline.Evaluation;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.Synthesis.Evaluation;
using Sdv.Connector.Synthesis.Evaluation.Sources;
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

    [SkippableFact]
    public async Task Relationship_figures_from_the_database_equal_those_counted_row_by_row()
    {
        // Customers with no order (the parent side of a join range is asked, as one side's rows with a match), every
        // order with its one customer (the child side comes from the column pass), a declared primary key on the parent
        // (the synthetic foreign key counts come from the children per parent): against the same rows read into memory.
        await using var real = await NewDatabaseAsync();
        await using var synthetic = await NewDatabaseAsync();
        await EvaluationData.CreateAsync(real);
        await EvaluationData.CreateAsync(synthetic, seed: 7);
        var (realEndpoint, syntheticEndpoint) = (Endpoint(real, "real"), Endpoint(synthetic, "synthetic"));

        var database = await EvaluateStep.RunAsync(realEndpoint, syntheticEndpoint, IntrospectionOptions.Default, null, new EvaluationOptions(), CancellationToken.None);
        var realScored = ScoredMetadata.FromSchema(await IntrospectStep.RunAsync(realEndpoint, IntrospectionOptions.Default, null, CancellationToken.None));
        var syntheticScored = ScoredMetadata.FromSchema(await IntrospectStep.RunAsync(syntheticEndpoint, IntrospectionOptions.Default, null, CancellationToken.None));
        var realRows = await InMemoryAsync(realEndpoint, realScored);
        var syntheticRows = await InMemoryAsync(syntheticEndpoint, syntheticScored);
        var memory = await Evaluator.EvaluateAsync(
            realScored.Metadata, new InMemorySource(realRows), new InMemorySource(syntheticRows), new EvaluationOptions(), new EvaluationRequest(Plots: false), CancellationToken.None);

        var (fromDatabase, inMemory) = (database.Result, memory.Result);
        Assert.NotEmpty(fromDatabase.Quality.Cardinality);
        Assert.Equal(inMemory.Quality.Cardinality.Select(c => c.Score), fromDatabase.Quality.Cardinality.Select(c => c.Score));
        Assert.Equal(
            inMemory.Diagnostic.RelationshipValidity.Select(v => (v.Metric, v.Score)),
            fromDatabase.Diagnostic.RelationshipValidity.Select(v => (v.Metric, v.Score)));
        Assert.NotEmpty(fromDatabase.Quality.IntertableTrends);
        Assert.Equal(inMemory.Quality.IntertableTrends.Count, fromDatabase.Quality.IntertableTrends.Count);
        foreach (var (expected, actual) in inMemory.Quality.IntertableTrends.Zip(fromDatabase.Quality.IntertableTrends))
        {
            Assert.Equal((expected.Column1, expected.Column2, expected.Metric, expected.Error), (actual.Column1, actual.Column2, actual.Metric, actual.Error));
            // The rows arrive in another order (a database's join against the in-memory one): sums agree to rounding.
            AssertClose(expected.Score, actual.Score);
            AssertClose(expected.RealCorrelation, actual.RealCorrelation);
            AssertClose(expected.SyntheticCorrelation, actual.SyntheticCorrelation);
            AssertClose(expected.RealAssociation, actual.RealAssociation);
        }
    }

    private static void AssertClose(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e && actual is { } a)
        {
            Assert.True(Math.Abs(e - a) <= 1e-12, $"{a} differs from {e} by more than 1e-12");
        }
    }

    private static DatabaseEndpoint Endpoint(TestDatabase db, string role)
    {
        var args = EvaluationData.Endpoint(db, role);
        return EndpointParser.Parse(args[1], args.Length > 3 ? args[3] : null, null, role);
    }

    /// <summary>Every row of every scored table, read through the evaluation's own source (the same canonical cells).</summary>
    private static async Task<EvaluationDataset> InMemoryAsync(DatabaseEndpoint endpoint, ScoredMetadata scored)
    {
        await using var source = await DatabaseEvaluationSource.OpenAsync(endpoint, scored.RealTables, "real", CancellationToken.None);
        var tables = new List<EvaluationTable>();
        foreach (var table in scored.Metadata.Tables)
        {
            var rows = new List<object?[]>();
            await foreach (var row in source.RowsAsync(table.Name, table.Columns.Select(c => c.Name).ToList(), CancellationToken.None))
            {
                rows.Add((object?[])row.Cells.Clone());
            }

            tables.Add(new EvaluationTable(table.Name, table.Columns, table.PrimaryKey, table.AlternateKeys, rows, table.SequenceIndex));
        }

        return new EvaluationDataset(tables, scored.Metadata.Relationships);
    }
}
