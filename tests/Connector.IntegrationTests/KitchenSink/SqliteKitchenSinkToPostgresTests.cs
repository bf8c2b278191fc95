using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.KitchenSink;

/// <summary>The Sqlite kitchen sink cloned to Postgres.</summary>
public sealed class SqliteKitchenSinkToPostgresTests(SqliteFixture source, PostgresFixture target, SharedKitchenSinkClone<SqliteFixture> shared)
    : KitchenSinkCloneSuite<SqliteFixture, PostgresFixture>(source, target, shared)
{
    protected override KitchenSinkExpectations Sink => SqliteKitchenSinkExpectations.All;

    protected override IReadOnlyList<string> ExpectedWarnings =>
    [
        "Index customer_email_lower on customer indexes an expression of the source's SQL; it is not created on PostgreSql",
        "0 routine(s) and 1 trigger(s) are not created on PostgreSql: their code is Sqlite's",
        "2 view(s) are not created on PostgreSql: their SQL is Sqlite's (big_customers, customer_orders)",
        "customer.email_domain is generated on Sqlite as substr(email, instr(email, '@') + 1); it is written as a plain column, left NULL",
    ];

    [SkippableFact]
    public async Task Columns_get_the_documented_closest_types()
    {
        var clone = await CloneAsync();
        await AssertTypesAsync(clone.Target,
            ("customer", "customer_id", "bigint"), ("customer", "active", "boolean"), ("customer", "photo", "bytea"), ("customer", "born", "date"),
            ("order", "id", "bigint"), ("order", "amount", "numeric(10,2)"), ("order", "placed_at", "timestamp without time zone"));
        Assert.Equal(1, await LongAsync(clone.Target, "SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'customer' AND column_name = 'customer_id' AND is_identity = 'YES'"));
    }
}
