using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Introspection;

/// <summary>The introspection suite on SQL Server; skipped with the fixture's reason where no server is configured.</summary>
public sealed class SqlServerIntrospectionTests(SqlServerFixture fixture) : IntrospectionSuite<SqlServerFixture>(fixture)
{
    protected override string? DefaultSchema(TestDatabase database) => "dbo";
}
