using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.KitchenSink;

/// <summary>
/// The source half of a kitchen-sink suite, a base class of its own for the reason given on
/// <see cref="Cloning.CloneSourceBinding{TSource}"/> (the source and target fixtures unify when both engines are the same).
/// </summary>
public abstract class KitchenSinkSourceBinding<TSource>(TSource source) : IClassFixture<TSource>, IClassFixture<SharedKitchenSinkClone<TSource>>
    where TSource : EngineFixture
{
    protected TSource SourceFixture { get; } = source;
}
