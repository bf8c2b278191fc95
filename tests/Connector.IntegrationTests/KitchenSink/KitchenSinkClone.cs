using Sdv.Connector.IntegrationTests.Cloning;
using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.KitchenSink;

/// <summary>A kitchen sink in its source engine, its clone in the target engine, and what the <c>clone</c> command printed.</summary>
public sealed record KitchenSinkClone(TestDatabase Source, TestDatabase Target, string Output) : IAsyncDisposable
{
    /// <summary>The run's warnings (the lines that start with "warning:").</summary>
    public IReadOnlyList<string> Warnings { get; } = Output.Split('\n').Where(l => l.StartsWith("warning:", StringComparison.Ordinal)).ToList();

    /// <summary>Drops the clone, then its source.</summary>
    public async ValueTask DisposeAsync()
    {
        await Target.DisposeAsync();
        await Source.DisposeAsync();
    }

    internal static async Task<KitchenSinkClone> CreateAsync(EngineFixture source, EngineFixture target, Func<TestDatabase, Task> build)
    {
        var sourceDb = await source.CreateDatabaseAsync();
        TestDatabase? targetDb = null;
        try
        {
            await build(sourceDb);
            targetDb = await target.CreateDatabaseAsync();
            var run = await CliRun.RunAsync("clone", "--source", DatabaseUrl.For(sourceDb), "--target", DatabaseUrl.For(targetDb), "--seed", "42");
            if (run.ExitCode != 0) throw new InvalidOperationException($"The kitchen sink did not clone from {source.Engine} to {target.Engine}: {run}");
            if (run.Error.Contains("   at ", StringComparison.Ordinal) || run.Output.Contains("   at ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The clone printed a stack trace: {run}");
            }
            return new KitchenSinkClone(sourceDb, targetDb, run.Output + run.Error);
        }
        catch
        {
            await sourceDb.DisposeAsync();
            if (targetDb is not null) await targetDb.DisposeAsync();
            throw;
        }
    }
}
