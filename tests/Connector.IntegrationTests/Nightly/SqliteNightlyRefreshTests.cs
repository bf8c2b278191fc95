using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Nightly;

public sealed class SqliteNightlyRefreshTests(SqliteFixture fixture) : NightlyRefreshSuite<SqliteFixture>(fixture);
