using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Cloning;

/// <summary>The clone suite from Postgres to Sqlite.</summary>
public sealed class PostgresToSqliteCloneTests(PostgresFixture source, SqliteFixture target, SharedCloneSource<PostgresFixture> shared)
    : CloneSuite<PostgresFixture, SqliteFixture>(source, target, shared);
