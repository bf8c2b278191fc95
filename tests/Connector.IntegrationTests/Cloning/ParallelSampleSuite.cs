using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;
using static Sdv.Connector.IntegrationTests.Cloning.CloneQueries;

namespace Sdv.Connector.IntegrationTests.Cloning;

/// <summary>
/// `sample --max-parallel`: tables that do not depend on each other are sampled and written at the
/// same time, yet the clone must be the same row for row whatever the parallelism, because every
/// table draws from its own random stream. One model is fitted from the clone fixture, then sampled
/// with one table at a time and with four, and every table is compared whole.
/// </summary>
public abstract class ParallelSampleSuite<TFixture>(TFixture fixture, SharedCloneSource<TFixture> shared)
    : CloneSourceBinding<TFixture>(fixture, shared)
    where TFixture : EngineFixture
{
    [SkippableFact]
    public async Task The_same_seed_gives_the_same_rows_in_every_table_with_one_or_four_tables_at_once()
    {
        var source = await SourceAsync();
        var model = Path.Combine(Path.GetTempPath(), $"sdv-parallel-{Guid.NewGuid():N}.sdvm");
        try
        {
            var fit = await CliRun.RunAsync("fit", "--source", DatabaseUrl.For(source), "--model", model, "--seed", "3");
            Assert.True(fit.ExitCode == 0, fit.ToString());
            await using var serial = await SourceFixture.CreateDatabaseAsync();
            await using var parallel = await SourceFixture.CreateDatabaseAsync();
            var one = await CliRun.RunAsync("sample", "--model", model, "--target", DatabaseUrl.For(serial), "--seed", "11", "--max-parallel", "1");
            Assert.True(one.ExitCode == 0, one.ToString());
            var four = await CliRun.RunAsync("sample", "--model", model, "--target", DatabaseUrl.For(parallel), "--seed", "11", "--max-parallel", "4");
            Assert.True(four.ExitCode == 0, four.ToString());
            var total = 0;
            foreach (var table in CloneFixtureSchema.AllTables)
            {
                var expected = await RowsAsync(serial, table);
                var actual = await RowsAsync(parallel, table);
                Assert.True(expected.Count > 0, $"{table} is empty");
                Assert.True(expected.SequenceEqual(actual), $"{table}: {expected.Count} rows with --max-parallel 1, {actual.Count} with 4, and they differ (first: {expected.Except(actual).FirstOrDefault()})");
                total += expected.Count;
            }
            Assert.True(total > 100, $"only {total} rows were compared");
        }
        finally
        {
            File.Delete(model);
        }
    }

    [SkippableTheory]
    [InlineData("0", "--max-parallel must be a whole number of at least 1 (got '0')")]
    [InlineData("-3", "--max-parallel must be a whole number of at least 1 (got '-3')")]
    [InlineData("two", "two")]
    public async Task A_bad_max_parallel_is_refused_with_exit_code_2(string value, string message)
    {
        var source = await SourceAsync();
        var model = Path.Combine(Path.GetTempPath(), $"sdv-parallel-{Guid.NewGuid():N}.sdvm");
        try
        {
            var fit = await CliRun.RunAsync("fit", "--source", DatabaseUrl.For(source), "--model", model);
            Assert.True(fit.ExitCode == 0, fit.ToString());
            await using var target = await SourceFixture.CreateDatabaseAsync();
            var run = await CliRun.RunAsync("sample", "--model", model, "--target", DatabaseUrl.For(target), "--max-parallel", value);
            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Contains(message, run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", run.Error + run.Output, StringComparison.Ordinal);
            Assert.False(await TableExistsAsync(target, "orders"), "a refused run wrote tables");
        }
        finally
        {
            File.Delete(model);
        }
    }
}

/// <summary>The parallel sample suite on PostgreSQL (independent tables load on connections of their own).</summary>
public sealed class PostgresParallelSampleTests(PostgresFixture fixture, SharedCloneSource<PostgresFixture> shared)
    : ParallelSampleSuite<PostgresFixture>(fixture, shared);

/// <summary>The parallel sample suite on SQLite (one writer: the loads stay one at a time, the rows must not change).</summary>
public sealed class SqliteParallelSampleTests(SqliteFixture fixture, SharedCloneSource<SqliteFixture> shared)
    : ParallelSampleSuite<SqliteFixture>(fixture, shared);
