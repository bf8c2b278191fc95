using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Evaluation;

public sealed class PostgresEvaluateTests(PostgresFixture fixture) : EvaluateSuite<PostgresFixture>(fixture);
