using Sdv.Connector.IntegrationTests.Infrastructure;
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
}
