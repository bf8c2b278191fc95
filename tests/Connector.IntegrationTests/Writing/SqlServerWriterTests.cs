using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Writing;

/// <summary>The writer suite on SQL Server; skipped (with the fixture's reason) without Docker or SDV_TEST_SQLSERVER.</summary>
public sealed class SqlServerWriterTests(SqlServerFixture fixture) : WriterSuite<SqlServerFixture>(fixture)
{
}
