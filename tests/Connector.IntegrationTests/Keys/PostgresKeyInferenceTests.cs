using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Keys;

public sealed class PostgresKeyInferenceTests(PostgresFixture fixture) : KeyInferenceSuite<PostgresFixture>(fixture);
