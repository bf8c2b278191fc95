using System.Globalization;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;

namespace Sdv.Connector.IntegrationTests.KitchenSink;

/// <summary>The PostgreSQL kitchen sink cloned to PostgreSQL: a faithful copy of types, sequences, structures and code objects.</summary>
public sealed class PostgresKitchenSinkToPostgresTests(PostgresFixture source, PostgresFixture target, SharedKitchenSinkClone<PostgresFixture> shared)
    : KitchenSinkCloneSuite<PostgresFixture, PostgresFixture>(source, target, shared)
{
    protected override KitchenSinkExpectations Sink => PostgresKitchenSinkExpectations.All;

    protected override IReadOnlyList<string> ExpectedWarnings => [];

    /// <summary>The synthetic bookings that overlap are dropped so that the exclusion constraint holds: a fact of the data, not a loss.</summary>
    protected override IReadOnlyList<string> ExpectedSameEngineWarnings => ["Exclusion constraint booking_room_during_excl on public.booking:"];

    [SkippableFact]
    public async Task Column_types_are_kept_including_user_and_extension_types()
    {
        var clone = await CloneAsync();
        (string Table, string Column, string Type)[] expected =
        [
            ("public.customer", "mood", "mood"), ("public.customer", "score", "positive_int"), ("public.customer", "home", "address"),
            ("public.customer", "tags", "text[]"), ("public.customer", "prefs", "jsonb"), ("public.customer", "created_at", "timestamp with time zone"),
            ("inventory.item", "uid", "uuid"), ("inventory.item", "ip", "inet"), ("inventory.item", "avail", "int4range"),
            ("inventory.item", "price", "money"), ("inventory.item", "search", "tsvector"), ("inventory.item", "attrs", "hstore"),
            ("inventory.item", "flags", "bit(8)"), ("inventory.item", "lasting", "interval"), ("inventory.item", "stocked", "timestamp(3) without time zone"),
            ("public.order", "tax", "numeric(12,3)"),
        ];
        foreach (var (table, column, type) in expected)
        {
            var sql = $"SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '{QuoteName(table)}'::regclass AND attname = '{column}'";
            Assert.Equal(await clone.Source.ScalarAsync<string>(sql), type);
            Assert.Equal(type, await clone.Target.ScalarAsync<string>(sql));
        }
        Assert.Equal("nextval('customer_customer_id_seq'::regclass)", await clone.Target.ScalarAsync<string>(
            "SELECT column_default FROM information_schema.columns WHERE table_name = 'customer' AND column_name = 'customer_id'"));
        Assert.Equal("People who buy", await clone.Target.ScalarAsync<string>("SELECT obj_description('customer'::regclass, 'pg_class')"));
        Assert.Equal("Contact address", await clone.Target.ScalarAsync<string>("SELECT col_description('customer'::regclass, 4)"));
    }

    [SkippableFact]
    public async Task Partitions_hold_the_rows_routed_by_the_database()
    {
        var clone = await CloneAsync();
        var t = clone.Target;
        Assert.Equal(2, await LongAsync(t, "SELECT COUNT(*) FROM pg_inherits WHERE inhparent = 'payment'::regclass"));
        var in2023 = await LongAsync(t, "SELECT COUNT(*) FROM payment_2023");
        var in2024 = await LongAsync(t, "SELECT COUNT(*) FROM payment_2024");
        Assert.True(in2023 > 0 && in2024 > 0, $"payment_2023 holds {in2023} rows, payment_2024 {in2024}");
        Assert.Equal(await LongAsync(t, "SELECT COUNT(*) FROM payment"), in2023 + in2024);
        Assert.Equal(0, await LongAsync(t, "SELECT COUNT(*) FROM ONLY payment"));
        Assert.Equal(0, await LongAsync(t, "SELECT COUNT(*) FROM payment_2023 WHERE paid_at >= '2024-01-01'"));
        // Inheritance: capital is still a city, and city alone keeps its rows.
        Assert.Equal(1, await LongAsync(t, "SELECT COUNT(*) FROM pg_inherits WHERE inhrelid = 'capital'::regclass AND inhparent = 'city'::regclass"));
        Assert.Equal(30, await LongAsync(t, "SELECT COUNT(*) FROM ONLY city"));
        Assert.Equal(42, await LongAsync(t, "SELECT COUNT(*) FROM city"));
    }

    [SkippableFact]
    public async Task Views_and_the_refreshed_materialized_view_select()
    {
        var clone = await CloneAsync();
        var t = clone.Target;
        Assert.Equal(await LongAsync(t, "SELECT COUNT(*) FROM customer"), await LongAsync(t, "SELECT COUNT(*) FROM customer_orders"));
        Assert.Equal(await LongAsync(t, "SELECT COUNT(*) FROM customer_orders WHERE orders > 1"), await LongAsync(t, "SELECT COUNT(*) FROM big_customers"));
        Assert.True(await t.ScalarAsync<bool>("SELECT relispopulated FROM pg_class WHERE relname = 'monthly_orders'"));
        Assert.Equal(await LongAsync(t, "SELECT COUNT(DISTINCT date_trunc('month', placed_at)) FROM \"order\""), await LongAsync(t, "SELECT COUNT(*) FROM monthly_orders"));
    }

    [SkippableFact]
    public async Task The_trigger_exists_did_not_fire_on_the_load_and_fires_on_a_new_row()
    {
        var clone = await CloneAsync();
        var t = clone.Target;
        Assert.Equal(1, await LongAsync(t, "SELECT COUNT(*) FROM pg_trigger WHERE tgname = 'order_audit' AND tgrelid = '\"order\"'::regclass"));
        // The model drew audit's 90 rows; had the trigger fired on the 90 synthetic orders, audit would hold 180.
        var audits = await LongAsync(t, "SELECT COUNT(*) FROM audit");
        Assert.Equal(PostgresKitchenSink.Orders, audits);
        await InRolledBackTransactionAsync(t, async (connection, transaction) =>
        {
            await ScalarAsync(connection, transaction, "INSERT INTO \"order\" (customer_id, amount, status) VALUES ((SELECT MIN(customer_id) FROM customer), 5, 'new')");
            Assert.Equal(audits + 1, Convert.ToInt64(await ScalarAsync(connection, transaction, "SELECT COUNT(*) FROM audit"), CultureInfo.InvariantCulture));
        });
    }

    [SkippableFact]
    public async Task Functions_and_the_procedure_are_callable()
    {
        var clone = await CloneAsync();
        var t = clone.Target;
        var customer = await LongAsync(t, "SELECT customer_id FROM \"order\" ORDER BY id LIMIT 1");
        Assert.Equal(await t.ScalarAsync<decimal>($"SELECT SUM(amount) FROM \"order\" WHERE customer_id = {customer}"), await t.ScalarAsync<decimal>($"SELECT order_total({customer})"));
        await InRolledBackTransactionAsync(t, async (connection, transaction) => await ScalarAsync(connection, transaction, "CALL touch_audit()"));
    }

    [SkippableFact]
    public async Task The_domain_and_the_exclusion_constraint_are_enforced()
    {
        var clone = await CloneAsync();
        var t = clone.Target;
        Assert.Equal(0, await LongAsync(t, "SELECT COUNT(*) FROM booking a JOIN booking b ON a.id < b.id AND a.room = b.room AND a.during && b.during"));
        var bookings = await LongAsync(t, "SELECT COUNT(*) FROM booking");
        Assert.True(bookings is > 0 and <= 80, $"booking holds {bookings} rows");
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => t.ExecuteAsync(
            "INSERT INTO customer (country_id, \"First Name\", email, score) VALUES ((SELECT MIN(id) FROM country), 'Zero', 'zero.score@example.org', 0)"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => t.ExecuteAsync(
            "INSERT INTO booking (room, during) SELECT room, during FROM booking LIMIT 1"));
    }

    [SkippableFact]
    public async Task Spatial_values_are_valid_keep_their_srid_and_stay_in_the_source_box()
    {
        var clone = await CloneAsync();
        Skip.IfNot(await PostgresKitchenSink.HasPostGisAsync(clone.Source), "PostGIS is not installed on the test server");
        var t = clone.Target;
        Assert.Equal("geometry(Point,4326)", await t.ScalarAsync<string>("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'place'::regclass AND attname = 'location'"));
        Assert.Equal(80, await LongAsync(t, "SELECT COUNT(*) FROM place WHERE ST_IsValid(location) AND ST_SRID(location) = 4326"));
        Assert.Equal(1, await LongAsync(t, "SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'place_location'"));
        const string box = "SELECT concat_ws(' ', MIN(ST_X(location)), MAX(ST_X(location)), MIN(ST_Y(location)), MAX(ST_Y(location))) FROM place";
        var s = (await clone.Source.ScalarAsync<string>(box))!.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var c = (await t.ScalarAsync<string>(box))!.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.True(c[0] >= s[0] - 1e-9 && c[1] <= s[1] + 1e-9 && c[2] >= s[2] - 1e-9 && c[3] <= s[3] + 1e-9, $"clone box {string.Join(' ', c)}, source box {string.Join(' ', s)}");
    }

    [SkippableFact]
    public async Task Json_arrays_and_text_search_values_keep_their_structure()
    {
        var clone = await CloneAsync();
        var t = clone.Target;
        Assert.Equal("lang,newsletter,size,tags", await t.ScalarAsync<string>("SELECT string_agg(DISTINCT k, ',' ORDER BY k) FROM customer, jsonb_object_keys(prefs) k"));
        Assert.Equal(0, await LongAsync(t, "SELECT COUNT(*) FROM customer WHERE jsonb_typeof(prefs->'size') <> 'number' OR jsonb_typeof(prefs->'newsletter') <> 'boolean' OR jsonb_typeof(prefs->'tags') <> 'array'"));
        // Array elements come from the source's elements; lengths from the source's lengths.
        Assert.Equal(0, await LongAsync(t, "SELECT COUNT(*) FROM customer, unnest(tags) e WHERE e NOT IN ('red', 'green', 'c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6')"));
        Assert.Equal(0, await LongAsync(t, "SELECT COUNT(*) FROM customer WHERE cardinality(tags) <> 3"));
        Assert.Equal(0, await LongAsync(t, "SELECT COUNT(*) FROM inventory.item WHERE search IS NULL OR length(search) = 0 OR doc IS NULL OR NOT xml_is_well_formed_document(doc::text)"));
    }

    [SkippableFact]
    public async Task Routines_skip_leaves_out_the_functions_procedure_and_trigger()
    {
        var clone = await CloneAsync();
        await using var target = await TargetFixture.CreateDatabaseAsync();
        var run = await Cloning.CliRun.RunAsync("clone", "--source", Cloning.DatabaseUrl.For(clone.Source), "--target", Cloning.DatabaseUrl.For(target), "--seed", "42", "--routines", "skip");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(0, await LongAsync(target, "SELECT COUNT(*) FROM pg_trigger WHERE tgname = 'order_audit'"));
        Assert.Equal(0, await LongAsync(target, "SELECT COUNT(*) FROM pg_proc WHERE proname IN ('order_total', 'touch_audit', 'log_order')"));
        Assert.Equal(PostgresKitchenSink.Orders, await LongAsync(target, "SELECT COUNT(*) FROM audit"));
        Assert.Equal(PostgresKitchenSink.Gifts, await LongAsync(target, "SELECT COUNT(*) FROM gift"));
    }

    private static string QuoteName(string table) => string.Join('.', table.Split('.').Select(p => "\"" + p + "\""));
}
