using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Cloning;

/// <summary>The clone suite from Postgres to MariaDb.</summary>
public sealed class PostgresToMariaDbCloneTests(PostgresFixture source, MariaDbFixture target, SharedCloneSource<PostgresFixture> shared)
    : CloneSuite<PostgresFixture, MariaDbFixture>(source, target, shared);
