using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Keys;

public sealed class MariaDbKeyInferenceTests(MariaDbFixture fixture) : KeyInferenceSuite<MariaDbFixture>(fixture);
