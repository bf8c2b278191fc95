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

    [SkippableFact]
    public async Task Columns_get_the_documented_closest_types()
    {
        var clone = await CloneAsync();
        await AssertTypesAsync(clone.Target,
            ("customer", "customer_id", "bigint(20)"), ("customer", "active", "tinyint(1)"), ("customer", "photo", "longblob"), ("customer", "born", "date"),
            ("order", "id", "bigint(20)"), ("order", "amount", "decimal(10,2)"), ("order", "placed_at", "datetime(6)"));
        Assert.Equal("auto_increment", await clone.Target.ScalarAsync<string>(
            "SELECT EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'customer' AND COLUMN_NAME = 'customer_id'"));
    }
}
