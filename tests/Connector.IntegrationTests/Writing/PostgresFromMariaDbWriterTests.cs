using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.IntegrationTests.Writing;

/// <summary>The writer suite on PostgreSQL with a schema from MariaDB: the cross-engine type mapping.</summary>
public sealed class PostgresFromMariaDbWriterTests(PostgresFixture fixture) : WriterSuite<PostgresFixture>(fixture)
{
    protected override DatabaseEngine SourceEngine => DatabaseEngine.MySql;
}
