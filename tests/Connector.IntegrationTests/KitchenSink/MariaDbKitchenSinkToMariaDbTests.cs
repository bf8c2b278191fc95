using System.Globalization;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.KitchenSink;

/// <summary>The MariaDB kitchen sink cloned to MariaDB: a faithful copy of types, the sequence, partitions, generated columns and code objects.</summary>
public sealed class MariaDbKitchenSinkToMariaDbTests(MariaDbFixture source, MariaDbFixture target, SharedKitchenSinkClone<MariaDbFixture> shared)
    : KitchenSinkCloneSuite<MariaDbFixture, MariaDbFixture>(source, target, shared)
{
    protected override KitchenSinkExpectations Sink => MariaDbKitchenSinkExpectations.All;

    protected override IReadOnlyList<string> ExpectedWarnings => [];

    private static string ColumnSql(string table, string column, string what) =>
        $"SELECT {what} FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '{table}' AND COLUMN_NAME = '{column}'";

    [SkippableFact]
    public async Task Column_types_defaults_and_comments_are_kept()
    {
        var clone = await CloneAsync();
        (string Table, string Column)[] columns =
        [
            ("customer", "customer_id"), ("customer", "mood"), ("customer", "hobbies"), ("customer", "born_year"), ("customer", "score"),
            ("customer", "prefs"), ("customer", "photo"), ("customer", "created_at"), ("order", "id"), ("order", "status"), ("place", "location"),
            ("Select", "Mixed Case"),
        ];
        foreach (var (table, column) in columns)
        {
            const string what = "CONCAT_WS(' | ', COLUMN_TYPE, IS_NULLABLE, IFNULL(COLUMN_DEFAULT, '-'), EXTRA, COLUMN_COMMENT)";
            var expected = await clone.Source.ScalarAsync<string>(ColumnSql(table, column, what));
            Assert.Equal(expected!.Replace(clone.Source.Name, clone.Target.Name, StringComparison.Ordinal), await clone.Target.ScalarAsync<string>(ColumnSql(table, column, what)));
        }
        Assert.Equal("People who buy", await clone.Target.ScalarAsync<string>("SELECT TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'customer'"));
        Assert.Equal(1, await LongAsync(clone.Target, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'customer_seq' AND TABLE_TYPE = 'SEQUENCE'"));
        Assert.Equal(1, await LongAsync(clone.Target, "SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME = 'place_location' AND INDEX_TYPE = 'SPATIAL'"));
    }

    [SkippableFact]
    public async Task The_virtual_column_is_computed_and_spatial_values_keep_their_srid()
    {
        var clone = await CloneAsync();
        Assert.Equal(await LongAsync(clone.Target, "SELECT COUNT(*) FROM customer"),
            await LongAsync(clone.Target, "SELECT COUNT(*) FROM customer WHERE email_domain = SUBSTRING_INDEX(email, '@', -1)"));
        Assert.Equal(80, await LongAsync(clone.Target, "SELECT COUNT(*) FROM place WHERE ST_SRID(location) = 4326 AND ST_X(location) BETWEEN 2 AND 3 AND ST_Y(location) BETWEEN 48 AND 49"));
    }

    [SkippableFact]
    public async Task Partitions_hold_the_rows_routed_by_the_database()
    {
        var clone = await CloneAsync();
        const string sql = "SELECT CONCAT_WS(',', SUM(PARTITION_NAME = 'p2023' AND TABLE_ROWS > 0), SUM(PARTITION_NAME = 'p2024' AND TABLE_ROWS > 0), COUNT(*)) " +
            "FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'payment'";
        await clone.Target.ExecuteAsync("ANALYZE TABLE payment");
        Assert.Equal("1,1,3", await clone.Target.ScalarAsync<string>(sql));
        Assert.Equal(await LongAsync(clone.Target, "SELECT COUNT(*) FROM payment WHERE YEAR(paid_at) = 2023"), await LongAsync(clone.Target, "SELECT COUNT(*) FROM payment PARTITION (p2023)"));
    }

    [SkippableFact]
    public async Task Views_select_and_the_routines_and_trigger_work_without_having_fired_on_the_load()
    {
        var clone = await CloneAsync();
        var t = clone.Target;
        Assert.Equal(await LongAsync(t, "SELECT COUNT(*) FROM customer"), await LongAsync(t, "SELECT COUNT(*) FROM customer_orders"));
        Assert.Equal(await LongAsync(t, "SELECT COUNT(*) FROM customer_orders WHERE orders > 1"), await LongAsync(t, "SELECT COUNT(*) FROM big_customers"));
        var customer = await LongAsync(t, "SELECT customer_id FROM `order` ORDER BY id LIMIT 1");
        Assert.Equal(await t.ScalarAsync<decimal>($"SELECT SUM(amount) FROM `order` WHERE customer_id = {customer}"), await t.ScalarAsync<decimal>($"SELECT order_total({customer})"));
        Assert.Equal(1, await LongAsync(t, "SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'order_audit'"));
        var audits = await LongAsync(t, "SELECT COUNT(*) FROM audit");
        Assert.Equal(MariaDbKitchenSink.Orders, audits);
        await InRolledBackTransactionAsync(t, async (connection, transaction) =>
        {
            await ScalarAsync(connection, transaction, "CALL touch_audit()");
            await ScalarAsync(connection, transaction, "INSERT INTO `order` (customer_id, amount, status) VALUES ((SELECT MIN(customer_id) FROM customer), 5, 'new')");
            Assert.Equal(audits + 1, Convert.ToInt64(await ScalarAsync(connection, transaction, "SELECT COUNT(*) FROM audit"), CultureInfo.InvariantCulture));
        });
    }
}
