using System.Globalization;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.KitchenSink;

/// <summary>The SQLite kitchen sink cloned to SQLite: rowid aliases, AUTOINCREMENT, WITHOUT ROWID, generated columns, indexes, the view and the trigger.</summary>
public sealed class SqliteKitchenSinkToSqliteTests(SqliteFixture source, SqliteFixture target, SharedKitchenSinkClone<SqliteFixture> shared)
    : KitchenSinkCloneSuite<SqliteFixture, SqliteFixture>(source, target, shared)
{
    protected override KitchenSinkExpectations Sink => SqliteKitchenSinkExpectations.All;

    protected override IReadOnlyList<string> ExpectedWarnings => [];

    [SkippableFact]
    public async Task Table_definitions_keep_rowid_aliases_autoincrement_and_without_rowid()
    {
        var clone = await CloneAsync();
        foreach (var table in new[] { "customer", "order_line" })
        {
            var sql = await clone.Target.ScalarAsync<string>($"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{table}'");
            Assert.NotNull(sql);
            if (table == "customer")
            {
                Assert.Contains("AUTOINCREMENT", sql, StringComparison.OrdinalIgnoreCase);
                Assert.Contains("VIRTUAL", sql, StringComparison.OrdinalIgnoreCase);
            }
            else
            {
                Assert.Contains("WITHOUT ROWID", sql, StringComparison.OrdinalIgnoreCase);
            }
        }
        Assert.Equal(await LongAsync(clone.Target, "SELECT MAX(customer_id) FROM customer"), await LongAsync(clone.Target, "SELECT seq FROM sqlite_sequence WHERE name = 'customer'"));
        Assert.Equal(await LongAsync(clone.Target, "SELECT COUNT(*) FROM customer"),
            await LongAsync(clone.Target, "SELECT COUNT(*) FROM customer WHERE email_domain = substr(email, instr(email, '@') + 1)"));
        foreach (var index in new[] { "order_paid", "customer_email_lower" })
        {
            Assert.Equal(await clone.Source.ScalarAsync<string>($"SELECT sql FROM sqlite_master WHERE name = '{index}'"),
                await clone.Target.ScalarAsync<string>($"SELECT sql FROM sqlite_master WHERE name = '{index}'"));
        }
        Assert.Equal(0, await LongAsync(clone.Target, "SELECT COUNT(*) FROM customer WHERE typeof(photo) NOT IN ('blob', 'null')"));
        Assert.Equal(0, await LongAsync(clone.Target, "SELECT COUNT(*) FROM customer WHERE created_at NOT GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]*'"));
    }

    [SkippableFact]
    public async Task Views_select_and_the_trigger_did_not_fire_on_the_load()
    {
        var clone = await CloneAsync();
        var t = clone.Target;
        Assert.Equal(await LongAsync(t, "SELECT COUNT(*) FROM customer"), await LongAsync(t, "SELECT COUNT(*) FROM customer_orders"));
        Assert.Equal(await LongAsync(t, "SELECT COUNT(*) FROM customer_orders WHERE orders > 1"), await LongAsync(t, "SELECT COUNT(*) FROM big_customers"));
        Assert.Equal(1, await LongAsync(t, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'order_audit'"));
        var audits = await LongAsync(t, "SELECT COUNT(*) FROM audit");
        Assert.Equal(SqliteKitchenSink.Orders, audits);
        await InRolledBackTransactionAsync(t, async (connection, transaction) =>
        {
            await ScalarAsync(connection, transaction, "INSERT INTO \"order\" (customer_id, amount, status) VALUES ((SELECT MIN(customer_id) FROM customer), 5, 'new')");
            Assert.Equal(audits + 1, Convert.ToInt64(await ScalarAsync(connection, transaction, "SELECT COUNT(*) FROM audit"), CultureInfo.InvariantCulture));
        });
    }
}
