using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.KitchenSink;

/// <summary>The PostgreSQL kitchen sink cloned to MariaDB: the documented closest types (docs/type-mapping.md), and a warning for each loss.</summary>
public sealed class PostgresKitchenSinkToMariaDbTests(PostgresFixture source, MariaDbFixture target, SharedKitchenSinkClone<PostgresFixture> shared)
    : KitchenSinkCloneSuite<PostgresFixture, MariaDbFixture>(source, target, shared)
{
    protected override KitchenSinkExpectations Sink => PostgresKitchenSinkExpectations.All;

    protected override IReadOnlyList<string> ExpectedWarnings =>
    [
        "Default gen_random_uuid() of inventory.item.uid is not carried",
        "Exclusion constraint booking_room_during_excl on public.booking is not created",
        "Index customer_email_lower on public.customer indexes an expression",
        "Partial index order_paid on public.order is created on all rows",
        "3 routine(s) and 1 trigger(s) are not created on MySql",
        "3 view(s) are not created on MySql: their SQL is PostgreSql's (big_customers, customer_orders, monthly_orders)",
        "Table public.payment is partitioned on PostgreSql; it is written as one plain table",
        "Table public.capital inherits from",
    ];

    [SkippableFact]
    public async Task Columns_get_the_documented_closest_types()
    {
        var clone = await CloneAsync();
        (string Table, string Column, string Type)[] expected =
        [
            ("customer", "mood", "enum('sad','ok','happy')"), ("customer", "created_at", "datetime(6)"), ("customer", "tags", "longtext"),
            ("customer", "active", "tinyint(1)"), ("item", "uid", "char(36)"), ("item", "picture", "longblob"), ("item", "price", "decimal(19,4)"),
            ("item", "ip", "varchar(43)"), ("item", "flags", "varchar(8)"), ("item", "lasting", "varchar(64)"), ("order", "id", "bigint(20)"),
        ];
        foreach (var (table, column, type) in expected)
        {
            Assert.Equal(type, await clone.Target.ScalarAsync<string>(
                $"SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '{table}' AND COLUMN_NAME = '{column}'"));
        }
        // jsonb is json (MariaDB's longtext with a json_valid check), and every value is a valid document.
        Assert.Equal(0, await LongAsync(clone.Target, "SELECT COUNT(*) FROM customer WHERE JSON_VALID(prefs) = 0 OR JSON_VALID(tags) = 0"));
        Assert.Equal(0, await LongAsync(clone.Target, "SELECT COUNT(*) FROM customer WHERE created_at IS NULL"));
        Assert.Equal("auto_increment", await clone.Target.ScalarAsync<string>(
            "SELECT EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'customer' AND COLUMN_NAME = 'customer_id'"));
    }

    [SkippableFact]
    public async Task Spatial_values_are_points_with_the_source_srid()
    {
        var clone = await CloneAsync();
        Skip.IfNot(await PostgresKitchenSink.HasPostGisAsync(clone.Source), "PostGIS is not installed on the test server");
        Assert.Equal("point", await clone.Target.ScalarAsync<string>(
            "SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'place' AND COLUMN_NAME = 'location'"));
        Assert.Equal(80, await LongAsync(clone.Target, "SELECT COUNT(*) FROM place WHERE ST_SRID(location) = 4326 AND ST_X(location) BETWEEN 2 AND 3 AND ST_Y(location) BETWEEN 48 AND 49"));
    }
}
