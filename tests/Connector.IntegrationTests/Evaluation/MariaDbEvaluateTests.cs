using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Evaluation;

public sealed class MariaDbEvaluateTests(MariaDbFixture fixture) : EvaluateSuite<MariaDbFixture>(fixture);
