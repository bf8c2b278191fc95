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

    [SkippableFact]
    public async Task Columns_get_the_documented_closest_types_and_keys_stay_numbered()
    {
        var clone = await CloneAsync();
        await AssertTypesAsync(clone.Target,
            ("customer", "customer_id", "bigint"), ("customer", "mood", "text"), ("customer", "hobbies", "text"), ("customer", "prefs", "jsonb"),
            ("customer", "photo", "bytea"), ("customer", "email", "character varying(120)"), ("order", "id", "bigint"), ("order", "amount", "numeric(10,2)"),
            ("order_line", "order_id", "bigint"), ("place", "location", "geometry"));
        foreach (var table in new[] { "customer", "order", "gift", "audit" })
        {
            Assert.Equal(1, await LongAsync(clone.Target, $"SELECT COUNT(*) FROM information_schema.columns WHERE table_name = '{table}' AND is_identity = 'YES'"));
        }
        Assert.Equal(0, await LongAsync(clone.Target, "SELECT COUNT(*) FROM customer WHERE hobbies NOT SIMILAR TO '(chess|golf|music)(,(chess|golf|music))*'"));
    }
}
