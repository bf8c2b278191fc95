using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.KitchenSink;

/// <summary>The PostgreSQL kitchen sink cloned to SQLite: the documented declared types (docs/type-mapping.md), and a warning for each loss.</summary>
public sealed class PostgresKitchenSinkToSqliteTests(PostgresFixture source, SqliteFixture target, SharedKitchenSinkClone<PostgresFixture> shared)
    : KitchenSinkCloneSuite<PostgresFixture, SqliteFixture>(source, target, shared)
{
    protected override KitchenSinkExpectations Sink => PostgresKitchenSinkExpectations.All;

    protected override IReadOnlyList<string> ExpectedWarnings =>
    [
        "Default gen_random_uuid() of inventory.item.uid is not carried",
        "Exclusion constraint booking_room_during_excl on public.booking is not created",
        "Index customer_email_lower on public.customer indexes an expression",
        "3 routine(s) and 1 trigger(s) are not created on Sqlite",
        "3 view(s) are not created on Sqlite: their SQL is PostgreSql's (big_customers, customer_orders, monthly_orders)",
        "Index item_search on item is a fulltext index",
        "Table public.payment is partitioned on PostgreSql; it is written as one plain table",
        "Table public.capital inherits from",
    ];

    [SkippableFact]
    public async Task Columns_get_the_documented_declared_types()
    {
        var clone = await CloneAsync();
        (string Table, string Column, string Type)[] expected =
        [
            ("customer", "customer_id", "INTEGER"), ("customer", "mood", "TEXT"), ("customer", "created_at", "TIMESTAMPTZ"), ("customer", "prefs", "JSON"),
            ("customer", "active", "BOOLEAN"), ("item", "uid", "UUID"), ("item", "picture", "BLOB"), ("item", "price", "MONEY"),
            ("item", "lasting", "INTERVAL"), ("item", "stocked", "DATETIME"), ("order", "amount", "NUMERIC(10,2)"),
        ];
        foreach (var (table, column, type) in expected)
        {
            Assert.Equal(type, await clone.Target.ScalarAsync<string>($"SELECT type FROM pragma_table_info('{table}') WHERE name = '{column}'"));
        }
        // timestamptz is stored as UTC text with its offset; blobs as blobs; json as valid documents.
        Assert.Equal(0, await LongAsync(clone.Target, "SELECT COUNT(*) FROM customer WHERE created_at NOT LIKE '%+00:00'"));
        Assert.Equal(0, await LongAsync(clone.Target, "SELECT COUNT(*) FROM item WHERE typeof(picture) <> 'blob'"));
        Assert.Equal(0, await LongAsync(clone.Target, "SELECT COUNT(*) FROM customer WHERE json_valid(prefs) = 0 OR json_valid(tags) = 0"));
    }
}
