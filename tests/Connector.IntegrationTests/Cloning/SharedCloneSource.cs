using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Cloning;

/// <summary>
/// The clone fixture's source database, built once per test class on first use and dropped with the
/// class: the clone tests only read their source, so building it per test would only cost time.
/// </summary>
public sealed class SharedCloneSource<TFixture> : SharedTestResource<TestDatabase>
    where TFixture : EngineFixture
{
    /// <summary>The source, built in the engine of <paramref name="fixture"/> when first asked (skips where the server is absent).</summary>
    public Task<TestDatabase> GetAsync(TFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        return GetOrCreateAsync([fixture], () => BuildAsync(fixture));
    }

    private static async Task<TestDatabase> BuildAsync(TFixture fixture)
    {
        var database = await fixture.CreateDatabaseAsync();
        try
        {
            await CloneFixtureSchema.BuildAsync(database);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }
}
