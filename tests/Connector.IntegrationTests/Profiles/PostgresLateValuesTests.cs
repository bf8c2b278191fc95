using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Profiles;

public sealed class PostgresLateValuesTests(PostgresFixture fixture) : LateValuesSuite<PostgresFixture>(fixture);
