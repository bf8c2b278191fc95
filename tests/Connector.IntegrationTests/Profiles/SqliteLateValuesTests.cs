using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Profiles;

public sealed class SqliteLateValuesTests(SqliteFixture fixture) : LateValuesSuite<SqliteFixture>(fixture);
