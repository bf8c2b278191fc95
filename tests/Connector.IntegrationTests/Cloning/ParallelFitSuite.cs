using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.Synthesis.MultiTable;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Cloning;

/// <summary>
/// <c>fit --max-parallel N</c> on one source engine: every table's fit is independent, so the model
/// must not depend on how many tables are fitted at once. A sealed subclass binds each engine.
/// </summary>
public abstract class ParallelFitSuite<TSource>(TSource source, SharedCloneSource<TSource> shared) : CloneSourceBinding<TSource>(source, shared)
    where TSource : EngineFixture
{
    /// <summary>Fits the shared source with the given extra options into a new file of <paramref name="folder"/>; the run must succeed.</summary>
    protected async Task<string> FitAsync(DirectoryInfo folder, string name, params string[] options)
    {
        var source = await SourceAsync();
        var path = Path.Combine(folder.FullName, name);
        var run = await CliRun.RunAsync(["fit", "--source", DatabaseUrl.For(source), "--model", path, "--seed", "7", .. options]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return path;
    }

    [SkippableFact]
    public async Task A_model_fitted_one_table_at_a_time_and_four_at_a_time_is_byte_identical()
    {
        await SourceAsync();
        var folder = Directory.CreateTempSubdirectory("sdv-parallel-fit-");
        try
        {
            var one = await FitAsync(folder, "one.sdvm", "--max-parallel", "1");
            var four = await FitAsync(folder, "four.sdvm", "--max-parallel", "4");
            var serial = await File.ReadAllBytesAsync(one);
            var parallel = await File.ReadAllBytesAsync(four);
            Assert.True(serial.SequenceEqual(parallel), $"the model fitted with --max-parallel 4 ({parallel.Length} bytes) differs from the one fitted with 1 ({serial.Length} bytes)");

            // Not an empty agreement: every table is in it, in plan order, with its rows counted.
            var model = DatabaseModelFile.Load(one);
            Assert.Equal(CloneFixtureSchema.AllTables.Order(), model.Tables.Select(t => t.Table.Name).Order());
            Assert.Equal(model.Plan.Tables.Select(t => t.Table), model.Tables.Select(t => t.Table));
            var source = await SourceAsync();
            foreach (var entry in model.Tables) Assert.Equal(await CloneQueries.CountAsync(source, entry.Table.Name), entry.SourceRows);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
