using Xunit;

namespace Sdv.Connector.IntegrationTests.Infrastructure;

/// <summary>
/// Base of every per-engine suite: an abstract suite derives from it, a sealed subclass per
/// engine binds the fixture. Tests use <c>[SkippableFact]</c> and call <see cref="NewDatabaseAsync"/>,
/// which skips with the fixture's reason where the server is absent.
/// </summary>
public abstract class EngineTestBase<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : EngineFixture
{
    protected TFixture Fixture { get; } = fixture;

    protected string Q(string identifier) => Fixture.Quote(identifier);

    protected async Task<TestDatabase> NewDatabaseAsync()
    {
        Skip.If(Fixture.SkipReason is not null, Fixture.SkipReason);
        return await Fixture.CreateDatabaseAsync().ConfigureAwait(false);
    }
}
