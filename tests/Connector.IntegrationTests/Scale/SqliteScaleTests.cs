using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.Scale;

/// <summary>The scale suite into SQLite targets.</summary>
public sealed class SqliteScaleTests(SqliteFixture target) : ScaleSuite<SqliteFixture>(target);
