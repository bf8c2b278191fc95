using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Cloning;

/// <summary>
/// The source half of a clone suite: the source engine's fixture and the class's shared source
/// database. A base class of its own because a class cannot list <c>IClassFixture&lt;TSource&gt;</c>
/// and <c>IClassFixture&lt;TTarget&gt;</c> side by side (they unify when both engines are the same);
/// an interface inherited from a base may.
/// </summary>
public abstract class CloneSourceBinding<TSource>(TSource source, SharedCloneSource<TSource> shared)
    : IClassFixture<TSource>, IClassFixture<SharedCloneSource<TSource>>
    where TSource : EngineFixture
{
    protected TSource SourceFixture { get; } = source;

    /// <summary>The class's source database holding the fixture schema (built on first use; tests only read it).</summary>
    protected Task<TestDatabase> SourceAsync() => shared.GetAsync(SourceFixture);
}
