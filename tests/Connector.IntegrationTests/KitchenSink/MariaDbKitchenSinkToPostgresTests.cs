using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.KitchenSink;

/// <summary>The MariaDb kitchen sink cloned to Postgres.</summary>
public sealed class MariaDbKitchenSinkToPostgresTests(MariaDbFixture source, PostgresFixture target, SharedKitchenSinkClone<MariaDbFixture> shared)
    : KitchenSinkCloneSuite<MariaDbFixture, PostgresFixture>(source, target, shared)
{
    protected override KitchenSinkExpectations Sink => MariaDbKitchenSinkExpectations.All;

    protected override IReadOnlyList<string> ExpectedWarnings =>
    [
        "2 routine(s) and 1 trigger(s) are not created on PostgreSql: their code is MySql's",
        "2 view(s) are not created on PostgreSql: their SQL is MySql's (big_customers, customer_orders)",
        "customer.email_domain is generated on MySql as substring_index(`email`,'@',-1); it is written as a plain column, left NULL",
        "payment is partitioned on MySql; it is written as one plain table",
    ];
}
