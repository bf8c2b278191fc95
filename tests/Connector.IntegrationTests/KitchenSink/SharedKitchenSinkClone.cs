using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.KitchenSink;

/// <summary>
/// One kitchen sink and one clone of it per test class: every test of a pair only queries the clone (a test that
/// writes does so in a transaction it rolls back), so cloning per test would only multiply the suite's minutes.
/// </summary>
public sealed class SharedKitchenSinkClone<TSource> : SharedTestResource<KitchenSinkClone>
    where TSource : EngineFixture
{
    /// <summary>The clone, made on first use (skips where a server is absent).</summary>
    public Task<KitchenSinkClone> GetAsync(TSource source, EngineFixture target, Func<TestDatabase, Task> build)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        return GetOrCreateAsync([source, target], () => KitchenSinkClone.CreateAsync(source, target, build));
    }
}
