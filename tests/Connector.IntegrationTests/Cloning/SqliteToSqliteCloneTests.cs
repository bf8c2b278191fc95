using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Cloning;

/// <summary>The clone suite from Sqlite to Sqlite.</summary>
public sealed class SqliteToSqliteCloneTests(SqliteFixture source, SqliteFixture target, SharedCloneSource<SqliteFixture> shared)
    : CloneSuite<SqliteFixture, SqliteFixture>(source, target, shared);
