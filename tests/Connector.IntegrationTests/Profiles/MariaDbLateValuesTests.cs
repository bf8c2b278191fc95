using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Profiles;

public sealed class MariaDbLateValuesTests(MariaDbFixture fixture) : LateValuesSuite<MariaDbFixture>(fixture);
