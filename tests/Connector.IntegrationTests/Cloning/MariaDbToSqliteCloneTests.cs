using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Cloning;

/// <summary>The clone suite from MariaDb to Sqlite.</summary>
public sealed class MariaDbToSqliteCloneTests(MariaDbFixture source, SqliteFixture target, SharedCloneSource<MariaDbFixture> shared)
    : CloneSuite<MariaDbFixture, SqliteFixture>(source, target, shared);
