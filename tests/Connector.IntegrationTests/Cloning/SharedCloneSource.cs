using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Cloning;

/// <summary>
/// The clone fixture's source database, built once per test class on first use and dropped with the
/// class: the clone tests only read their source, so building it per test would only cost time.
/// </summary>
public sealed class SharedCloneSource<TFixture> : IAsyncLifetime
    where TFixture : EngineFixture
{
    private readonly Lock _lock = new();
    private Task<TestDatabase>? _database;

    /// <summary>The source, built in the engine of <paramref name="fixture"/> when first asked (skips where the server is absent).</summary>
    public Task<TestDatabase> GetAsync(TFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        lock (_lock)
        {
            return _database ??= BuildAsync(fixture);
        }
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

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Task<TestDatabase>? database;
        lock (_lock) database = _database;
        if (database is { IsCompletedSuccessfully: true }) await (await database).DisposeAsync();
    }
}
