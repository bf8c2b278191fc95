using Sdv.Connector.Cli;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Evaluation;

/// <summary>The suite on SQLite, plus the command's own behaviour: self-evaluation, random data, gates.</summary>
public sealed class SqliteEvaluateTests(SqliteFixture fixture) : EvaluateSuite<SqliteFixture>(fixture)
{
    [SkippableFact]
    public async Task Database_against_itself_scores_one_and_every_row_is_an_exact_match()
    {
        await using var db = await NewDatabaseAsync();
        await EvaluationData.CreateAsync(db);
        var json = TempFile(".json");
        try
        {
            var run = await EvaluateRun.RunAsync("evaluate", "--real", db.Name, "--synthetic", db.Name, "--json", json);

            Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
            Assert.Equal(1.0, run.Figure("quality.overall")!.Value, 9);
            Assert.Equal(1.0, run.Figure("diagnostic.overall")!.Value, 9);
            Assert.Equal(1.0, run.Figure("privacy.exactMatchRate")!.Value, 9);
            Assert.Contains($"\"realRows\": {EvaluationData.Customers}", run.Json!, StringComparison.Ordinal);
            Assert.Contains("quality    1.000", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(EvaluationData.MarkerEmail, run.Json!, StringComparison.Ordinal);
            Assert.DoesNotContain(EvaluationData.MarkerEmail, run.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(json);
        }
    }

    [SkippableFact]
    public async Task Random_values_of_the_right_types_score_low()
    {
        await using var real = await NewDatabaseAsync();
        await using var random = await NewDatabaseAsync();
        await EvaluationData.CreateAsync(real);
        await EvaluationData.CreateAsync(random, random: true, seed: 7);
        var json = TempFile(".json");
        try
        {
            var run = await EvaluateRun.RunAsync("evaluate", "--real", real.Name, "--synthetic", random.Name, "--json", json);

            Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
            var quality = run.Figure("quality.overall")!.Value;
            Assert.True(quality < 0.6, $"quality {quality} should be low for random data");
            Assert.True(run.Figure("quality.properties.Column_Shapes") < 0.3);
            Assert.Equal(0.0, run.Figure("privacy.exactMatchRate")!.Value, 9);
        }
        finally
        {
            File.Delete(json);
        }
    }

    [SkippableFact]
    public async Task Failed_gate_gives_exit_code_4_and_names_the_gate()
    {
        await using var db = await NewDatabaseAsync();
        await EvaluationData.CreateAsync(db);

        var run = await EvaluateRun.RunAsync("evaluate", "--real", db.Name, "--synthetic", db.Name, "--fail-under", "quality=0.80,diagnostic=1.0,exact-match=0.01");

        Assert.Equal(ExitCodes.GateFailed, run.ExitCode);
        Assert.Contains("exact-match = 1 (must be at most 0.01): FAILED", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("quality = 1 (must be at least 0.8): FAILED", run.Error, StringComparison.Ordinal);
        Assert.Contains("1 gate(s) failed", run.Error, StringComparison.Ordinal);

        var passing = await EvaluateRun.RunAsync("evaluate", "--real", db.Name, "--synthetic", db.Name, "--fail-under", "quality=0.99,column-shapes=1.0");
        Assert.True(passing.ExitCode == ExitCodes.Success, passing.ToString());

        // A database against itself gives back every real e-mail: leaks that point at people, counted by pii-rare-leaks.
        var leaking = await EvaluateRun.RunAsync("evaluate", "--real", db.Name, "--synthetic", db.Name, "--fail-under", "pii-rare-leaks=0");
        Assert.Equal(ExitCodes.GateFailed, leaking.ExitCode);
        Assert.Matches(@"pii-rare-leaks = [1-9][0-9]* \(must be at most 0\): FAILED", leaking.Error);
    }

    [SkippableTheory]
    [InlineData("quality=abc", "not a number")]
    [InlineData("qualty=0.8", "unknown gate 'qualty'")]
    [InlineData("quality", "is not name=value")]
    [InlineData("quality=1.5", "can never pass")]
    public async Task Malformed_gate_is_bad_input(string spec, string message)
    {
        await using var db = await NewDatabaseAsync();
        await EvaluationData.CreateAsync(db);

        var run = await EvaluateRun.RunAsync("evaluate", "--real", db.Name, "--synthetic", db.Name, "--fail-under", spec);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Every_row_is_read_and_nothing_is_sampled_without_a_holdout()
    {
        await using var db = await NewDatabaseAsync();
        await EvaluationData.CreateAsync(db);
        var json = TempFile(".json");
        try
        {
            var run = await EvaluateRun.RunAsync("evaluate", "--real", db.Name, "--synthetic", db.Name, "--json", json, "--seed", "3");

            Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
            Assert.Contains("\"sampling\": []", run.Json!, StringComparison.Ordinal);
            Assert.Contains("\"realRows\": 200", run.Json!, StringComparison.Ordinal);
            Assert.Contains("no holdout: DCR cannot detect copying", run.Json!, StringComparison.Ordinal);
            Assert.Contains("No holdout: DCR cannot detect copying", run.Output, StringComparison.Ordinal);
            Assert.Null(run.Figure("privacy.dcr.shareCloserToTraining"));
            Assert.Equal(1.0, run.Figure("quality.properties.Column_Shapes")!.Value, 9);
            Assert.Equal(1.0, run.Figure("diagnostic.properties.Relationship_Validity")!.Value, 9);
        }
        finally
        {
            File.Delete(json);
        }
    }

    internal static string TempFile(string extension) => Path.Combine(Path.GetTempPath(), "sdv-eval-" + Guid.NewGuid().ToString("N") + extension);
}
