using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.KitchenSink;

/// <summary>
/// One kitchen sink and one clone of it per test class: every test of a pair only queries the clone (a test that
/// writes does so in a transaction it rolls back), so cloning per test would only multiply the suite's minutes.
/// </summary>
public sealed class SharedKitchenSinkClone<TSource> : IAsyncLifetime
    where TSource : EngineFixture
{
    private readonly Lock _lock = new();
    private Task<KitchenSinkClone>? _clone;

    /// <summary>The clone, made on first use (skips where a server is absent).</summary>
    public Task<KitchenSinkClone> GetAsync(TSource source, EngineFixture target, Func<TestDatabase, Task> build)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        Skip.If(source.SkipReason is not null, source.SkipReason);
        Skip.If(target.SkipReason is not null, target.SkipReason);
        lock (_lock)
        {
            return _clone ??= KitchenSinkClone.CreateAsync(source, target, build);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Task<KitchenSinkClone>? clone;
        lock (_lock) clone = _clone;
        if (clone is { IsCompletedSuccessfully: true })
        {
            var done = await clone;
            await done.Target.DisposeAsync();
            await done.Source.DisposeAsync();
        }
    }
}
