using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Scale;

/// <summary>The scale suite into PostgreSQL targets.</summary>
public sealed class PostgresScaleTests(PostgresFixture target) : ScaleSuite<PostgresFixture>(target);
