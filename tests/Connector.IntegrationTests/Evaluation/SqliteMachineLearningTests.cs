using Sdv.Connector.Cli;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Evaluation;

/// <summary>`evaluate --target-column` end to end on SQLite: the figures in the JSON, the console table, a bad name.</summary>
public sealed class SqliteMachineLearningTests(SqliteFixture fixture) : EngineTestBase<SqliteFixture>(fixture)
{
    [SkippableFact]
    public async Task Target_column_reports_machine_learning_efficacy_in_the_json()
    {
        await using var real = await NewDatabaseAsync();
        await using var random = await NewDatabaseAsync();
        await EvaluationData.CreateAsync(real);
        await EvaluationData.CreateAsync(random, random: true, seed: 7);
        var json = SqliteEvaluateTests.TempFile(".json");
        var randomJson = SqliteEvaluateTests.TempFile(".json");
        var html = SqliteEvaluateTests.TempFile(".html");
        try
        {
            // income = age × 1000 + noise: a model trained on the data itself explains nearly all of it.
            var self = await EvaluateRun.RunAsync("evaluate", "--real", real.Name, "--synthetic", real.Name, "--target-column", "customers.income", "--json", json, "--html", html);
            var again = await EvaluateRun.RunAsync("evaluate", "--real", real.Name, "--synthetic", random.Name, "--target-column", "CUSTOMERS.income", "--json", randomJson);

            Assert.True(self.ExitCode == ExitCodes.Success, self.ToString());
            Assert.Contains("\"task\": \"regression\"", self.Json!, StringComparison.Ordinal);
            Assert.Contains("\"features\": [\n      \"age\",\n      \"country\",\n      \"signup\"\n    ]", self.Json!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            Assert.Equal(140, self.Figure("machineLearning.realTrainingRows"));
            Assert.Equal(60, self.Figure("machineLearning.holdoutRows"));
            Assert.Equal(EvaluationData.Customers, self.Figure("machineLearning.syntheticTrainingRows"));
            var realR2 = self.Figure("machineLearning.real.rSquared")!.Value;
            Assert.True(realR2 > 0.9, $"real R² {realR2}");
            Assert.InRange(self.Figure("machineLearning.ratio")!.Value, 0.97, 1.03);
            Assert.Contains("machine learning: regression of customers.income", self.Output, StringComparison.Ordinal);
            var page = await File.ReadAllTextAsync(html);
            Assert.Contains("<section id=\"machine-learning\"><h2>Machine learning efficacy</h2>", page, StringComparison.Ordinal);
            Assert.Contains("<a href=\"#machine-learning\">", page, StringComparison.Ordinal);

            Assert.True(again.ExitCode == ExitCodes.Success, again.ToString());
            Assert.Equal(realR2, again.Figure("machineLearning.real.rSquared")!.Value, 12);
            var randomR2 = again.Figure("machineLearning.synthetic.rSquared")!.Value;
            Assert.True(randomR2 < 0, $"random data trains a model worse than the mean: R² {randomR2}");
            Assert.True(again.Figure("machineLearning.ratio") < 0.2, again.Json);
        }
        finally
        {
            File.Delete(json);
            File.Delete(randomJson);
            File.Delete(html);
        }
    }

    [SkippableFact]
    public async Task Unknown_target_column_is_exit_code_2_and_names_the_columns()
    {
        await using var db = await NewDatabaseAsync();
        await EvaluationData.CreateAsync(db);

        var column = await EvaluateRun.RunAsync("evaluate", "--real", db.Name, "--synthetic", db.Name, "--target-column", "customers.salary");
        var table = await EvaluateRun.RunAsync("evaluate", "--real", db.Name, "--synthetic", db.Name, "--target-column", "clients.income");

        Assert.Equal(ExitCodes.BadInput, column.ExitCode);
        Assert.Contains("table customers has no column salary; columns: id, email, age, income, country, signup", column.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, table.ExitCode);
        Assert.Contains("no evaluated table is named clients; tables: customers, orders", table.Error, StringComparison.Ordinal);
    }
}
