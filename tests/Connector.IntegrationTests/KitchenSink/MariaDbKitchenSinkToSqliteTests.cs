using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.KitchenSink;

/// <summary>The MariaDb kitchen sink cloned to Sqlite.</summary>
public sealed class MariaDbKitchenSinkToSqliteTests(MariaDbFixture source, SqliteFixture target, SharedKitchenSinkClone<MariaDbFixture> shared)
    : KitchenSinkCloneSuite<MariaDbFixture, SqliteFixture>(source, target, shared)
{
    protected override KitchenSinkExpectations Sink => MariaDbKitchenSinkExpectations.All;

    protected override IReadOnlyList<string> ExpectedWarnings =>
    [
        "2 routine(s) and 1 trigger(s) are not created on Sqlite: their code is MySql's",
        "2 view(s) are not created on Sqlite: their SQL is MySql's (big_customers, customer_orders)",
        "customer.email_domain is generated on MySql as substring_index(`email`,'@',-1); it is written as a plain column, left NULL",
        "Index place_location on place is a spatial index of another engine",
        "payment is partitioned on MySql; it is written as one plain table",
    ];
}
