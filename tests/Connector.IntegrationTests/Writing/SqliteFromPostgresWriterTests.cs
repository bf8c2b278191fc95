using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.IntegrationTests.Writing;

/// <summary>The writer suite on SQLite with a schema from PostgreSQL: the cross-engine type mapping.</summary>
public sealed class SqliteFromPostgresWriterTests(SqliteFixture fixture) : WriterSuite<SqliteFixture>(fixture)
{
    protected override DatabaseEngine SourceEngine => DatabaseEngine.PostgreSql;
}
