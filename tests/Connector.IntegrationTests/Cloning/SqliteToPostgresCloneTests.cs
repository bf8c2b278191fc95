using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Cloning;

/// <summary>The clone suite from Sqlite to Postgres.</summary>
public sealed class SqliteToPostgresCloneTests(SqliteFixture source, PostgresFixture target, SharedCloneSource<SqliteFixture> shared)
    : CloneSuite<SqliteFixture, PostgresFixture>(source, target, shared);
