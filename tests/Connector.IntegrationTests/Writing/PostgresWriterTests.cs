using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Writing;

/// <summary>The writer suite on PostgreSQL (schema from SQLite), and what only PostgreSQL has.</summary>
public sealed class PostgresWriterTests(PostgresFixture fixture) : WriterSuite<PostgresFixture>(fixture)
{
}
