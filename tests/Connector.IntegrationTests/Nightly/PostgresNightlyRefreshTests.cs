using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Nightly;

public sealed class PostgresNightlyRefreshTests(PostgresFixture fixture) : NightlyRefreshSuite<PostgresFixture>(fixture);
