using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Writing;

/// <summary>The writer suite on SQLite (same engine), and SQLite's dynamic typing.</summary>
public sealed class SqliteWriterTests(SqliteFixture fixture) : WriterSuite<SqliteFixture>(fixture)
{
}
