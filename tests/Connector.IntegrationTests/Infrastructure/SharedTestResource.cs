using Xunit;

namespace Sdv.Connector.IntegrationTests.Infrastructure;

/// <summary>
/// A resource the tests of one class share (a source database, a clone), because they only read it: made on first
/// use, so that a class whose server is absent skips without building anything, and disposed with the class.
/// </summary>
public abstract class SharedTestResource<T> : IAsyncLifetime
    where T : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private Task<T>? _resource;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Task<T>? resource;
        lock (_lock) resource = _resource;
        if (resource is { IsCompletedSuccessfully: true }) await (await resource).DisposeAsync();
    }

    /// <summary>Skips the test where a server it needs is absent, then gives the resource, made by <paramref name="create"/> on the first call.</summary>
    protected Task<T> GetOrCreateAsync(IEnumerable<EngineFixture> needs, Func<Task<T>> create)
    {
        foreach (var fixture in needs) Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        lock (_lock)
        {
            return _resource ??= create();
        }
    }
}
