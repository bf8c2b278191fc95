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

    [SkippableFact]
    public async Task Columns_get_the_documented_declared_types()
    {
        var clone = await CloneAsync();
        await AssertTypesAsync(clone.Target,
            ("customer", "customer_id", "INTEGER"), ("customer", "mood", "TEXT"), ("customer", "hobbies", "TEXT"), ("customer", "prefs", "JSON"),
            ("customer", "photo", "BLOB"), ("order", "id", "INTEGER"), ("order", "amount", "NUMERIC(10,2)"), ("place", "location", "TEXT"));
        Assert.Equal(0, await LongAsync(clone.Target, "SELECT COUNT(*) FROM customer WHERE json_valid(prefs) = 0 OR typeof(photo) NOT IN ('blob', 'null')"));
        // Spatial values travel as text with their SRID (EWKT): SRID=4326;POINT(x y).
        var notWkt = await clone.Target.ScalarAsync<string>("SELECT COUNT(*) || ' ' || IFNULL(MIN(location), '') FROM place WHERE location NOT LIKE 'SRID=4326;POINT(%'");
        Assert.True(notWkt!.StartsWith("0 ", StringComparison.Ordinal), $"place.location values not in EWKT with the source's SRID: {notWkt}");
    }
}
