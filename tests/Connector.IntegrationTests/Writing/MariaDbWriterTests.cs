using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Writing;

/// <summary>
/// The writer suite on MariaDB, from a SQLite-shaped schema (another engine: the type mapping).
/// The suite's name literal holds no backslash, so MySQL's escaping reads it as written.
/// </summary>
public sealed class MariaDbWriterTests(MariaDbFixture fixture) : WriterSuite<MariaDbFixture>(fixture)
{
}
