using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Cloning;

/// <summary>The clone suite from Postgres to Postgres.</summary>
public sealed class PostgresToPostgresCloneTests(PostgresFixture source, PostgresFixture target, SharedCloneSource<PostgresFixture> shared)
    : CloneSuite<PostgresFixture, PostgresFixture>(source, target, shared);
