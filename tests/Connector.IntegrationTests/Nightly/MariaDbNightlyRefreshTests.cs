using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Nightly;

public sealed class MariaDbNightlyRefreshTests(MariaDbFixture fixture) : NightlyRefreshSuite<MariaDbFixture>(fixture);
