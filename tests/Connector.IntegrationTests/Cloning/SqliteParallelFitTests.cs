using Microsoft.Data.Sqlite;
using Sdv.Connector.Connections;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.Pipeline;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis;
using Spectre.Console;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Cloning;

/// <summary>The parallel fit suite on SQLite (separate read-only connections), plus the option's refusals, which do not depend on the engine.</summary>
public sealed class SqliteParallelFitTests(SqliteFixture source, SharedCloneSource<SqliteFixture> shared) : ParallelFitSuite<SqliteFixture>(source, shared)
{
    [SkippableTheory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("two")]
    public async Task A_max_parallel_below_one_or_not_a_number_is_bad_input(string value)
    {
        var source = await SourceAsync();
        var path = Path.Combine(Path.GetTempPath(), $"sdv-bad-parallel-{Guid.NewGuid():N}.sdvm");
        var run = await CliRun.RunAsync("fit", "--source", DatabaseUrl.For(source), "--model", path, "--max-parallel", value);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"--max-parallel must be a whole number of at least 1 (got '{value}')", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(path), "a refused fit wrote a model");
    }

    [SkippableFact]
    public async Task A_table_that_fails_stops_the_fit_and_its_own_error_is_the_one_reported()
    {
        var source = await SourceAsync();
        var endpoint = EndpointParser.Parse(source.Name, null, null, "source");
        var schema = await IntrospectStep.RunAsync(endpoint, IntrospectionOptions.Default, null, CancellationToken.None);
        // A table the model knows and the database does not: its query fails while the others are read.
        var ghost = schema.Tables.Single(t => t.Name.Name == "region") with { Name = new QualifiedName(null, "ghost_table") };
        var broken = schema with { Tables = [.. schema.Tables, ghost] };
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
        var e = await Assert.ThrowsAsync<SqliteException>(() => FitStep.RunAsync(endpoint, broken, SynthesisOptions.Default, new RunProgress(console, quiet: true), 4, CancellationToken.None));
        Assert.Contains("ghost_table", e.Message, StringComparison.Ordinal);
    }
}
