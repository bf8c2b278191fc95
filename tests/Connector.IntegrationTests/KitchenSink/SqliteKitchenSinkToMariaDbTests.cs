using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.KitchenSink;

/// <summary>The Sqlite kitchen sink cloned to MariaDb.</summary>
public sealed class SqliteKitchenSinkToMariaDbTests(SqliteFixture source, MariaDbFixture target, SharedKitchenSinkClone<SqliteFixture> shared)
    : KitchenSinkCloneSuite<SqliteFixture, MariaDbFixture>(source, target, shared)
{
    protected override KitchenSinkExpectations Sink => SqliteKitchenSinkExpectations.All;

    protected override IReadOnlyList<string> ExpectedWarnings =>
    [
        "Index customer_email_lower on customer indexes an expression of the source's SQL; it is not created on MySql",
        "Partial index order_paid on order is created on all rows",
        "0 routine(s) and 1 trigger(s) are not created on MySql: their code is Sqlite's",
        "2 view(s) are not created on MySql: their SQL is Sqlite's (big_customers, customer_orders)",
        "customer.email_domain is written as a plain nullable column: its expression is Sqlite's SQL",
    ];
}
