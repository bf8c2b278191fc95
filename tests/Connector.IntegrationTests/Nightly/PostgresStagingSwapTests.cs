using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.Nightly;
using Sdv.Connector.Nightly.Staging;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Nightly;

/// <summary>
/// PostgreSQL: schemas public and sales staged as <c>*__sdv_staging</c>, with an enum, a hand-made sequence and a
/// default drawing from it, a serial, an index, views across the two schemas (one over another), a materialized view,
/// a trigger and its function, an SQL function whose body names the live schema, and a comment.
/// </summary>
public sealed class PostgresStagingSwapTests(PostgresFixture fixture) : StagingSwapSuite<PostgresFixture>(fixture)
{
    private static readonly QualifiedName[] Clone = [new("public", "parent"), new("sales", "counted")];

    private protected override async Task<DatabaseSchema> CreateStagedCloneAsync(TestDatabase target, IStagingArea staging, int generation) =>
        await CreateAsync(target, staging, generation, "\"public__sdv_staging\".parent_counts");

    /// <summary>Writes the staged clone; <paramref name="busyReads"/> is what the view sales.busy reads (staging's parent_counts, or a live object).</summary>
    private static async Task<DatabaseSchema> CreateAsync(TestDatabase target, IStagingArea staging, int generation, string busyReads)
    {
        var staged = staging.ToStaging(Tables(DatabaseEngine.PostgreSql, Clone));
        await using var connection = await target.OpenAsync();
        await ExecuteAsync(connection, staging.SessionSql!,
            "CREATE SCHEMA public__sdv_staging",
            "CREATE SCHEMA sales__sdv_staging",
            "CREATE TYPE sales__sdv_staging.mood AS ENUM ('ok', 'meh')",
            "CREATE SEQUENCE sales__sdv_staging.counter START 100",
            "CREATE TABLE public__sdv_staging.parent (id serial PRIMARY KEY, name text NOT NULL, mood sales__sdv_staging.mood NOT NULL)",
            "CREATE TABLE sales__sdv_staging.counted (id integer PRIMARY KEY, parent_id integer NOT NULL REFERENCES public__sdv_staging.parent (id), " +
            "n bigint NOT NULL DEFAULT nextval('sales__sdv_staging.counter'::regclass))",
            "CREATE INDEX counted_parent ON sales__sdv_staging.counted (parent_id)",
            $"INSERT INTO parent (name, mood) SELECT 'p' || g, 'ok' FROM generate_series(1, {3 * generation}) g",
            "INSERT INTO counted (id, parent_id) VALUES (1, 1), (2, 1)",
            "CREATE VIEW public__sdv_staging.parent_counts AS SELECT p.id, count(c.id) AS n FROM parent p LEFT JOIN sales__sdv_staging.counted c ON c.parent_id = p.id GROUP BY p.id",
            $"CREATE VIEW sales__sdv_staging.busy AS SELECT * FROM {busyReads} WHERE n > 0",
            "CREATE MATERIALIZED VIEW sales__sdv_staging.mood_totals AS SELECT mood, count(*) AS n FROM public__sdv_staging.parent GROUP BY mood",
            // Text run later: written with the live names, which are right once swapped (the live one may not exist yet).
            "CREATE FUNCTION public__sdv_staging.parent_total() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM public.parent'",
            "CREATE FUNCTION sales__sdv_staging.stamp() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.n := NEW.n + 1000; RETURN NEW; END$$",
            "CREATE TRIGGER counted_stamp BEFORE INSERT ON sales__sdv_staging.counted FOR EACH ROW EXECUTE FUNCTION sales__sdv_staging.stamp()",
            $"COMMENT ON TABLE public__sdv_staging.parent IS 'generation {generation}'",
            $"SELECT setval(pg_get_serial_sequence('public__sdv_staging.parent', 'id'), {3 * generation})");
        return staged;
    }

    protected override async Task AssertLiveCloneAsync(TestDatabase target, int generation)
    {
        await using var connection = await target.OpenAsync();
        Assert.Equal(3 * generation, await ScalarAsync<long>(connection, "SELECT count(*) FROM public.parent"));
        Assert.Equal(3 * generation, await ScalarAsync<long>(connection, "SELECT public.parent_total()"));
        Assert.Equal(1, await ScalarAsync<long>(connection, "SELECT count(*) FROM sales.busy"));
        Assert.Equal(3 * generation, await ScalarAsync<long>(connection, "SELECT n FROM sales.mood_totals WHERE mood = 'ok'"));
        Assert.Equal($"generation {generation}", await ScalarAsync<string>(connection, "SELECT obj_description('public.parent'::regclass, 'pg_class')"));
        // The live sequence behind the default, and the trigger on the live table.
        Assert.Equal(1102, await ScalarAsync<long>(connection, "INSERT INTO sales.counted (id, parent_id) VALUES (3, 2) RETURNING n"));
        Assert.Equal(3 * generation + 1, await ScalarAsync<long>(connection, "INSERT INTO public.parent (name, mood) VALUES ('new', 'meh') RETURNING id"));
        Assert.Equal("nextval('sales.counter'::regclass)", await ScalarAsync<string>(connection,
            "SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = 'sales.counted'::regclass AND a.attname = 'n'"));
        Assert.Contains("parent_counts", await ScalarAsync<string>(connection, "SELECT pg_get_viewdef('sales.busy'::regclass)"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_staged_object_bound_to_the_previous_clone_stops_the_swap_and_the_previous_clone_stays()
    {
        await using var target = await NewDatabaseAsync();
        var staging = Staging(target);
        await staging.CleanAsync(CancellationToken.None);
        await staging.SwapAsync(await CreateStagedCloneAsync(target, staging, 1), CancellationToken.None);

        // The bug of issue 18 the other way round: a view created in staging over the live (previous) clone.
        await staging.CleanAsync(CancellationToken.None);
        var staged = await CreateAsync(target, staging, 2, "public.parent_counts");
        var refused = await Assert.ThrowsAsync<StagingCheckException>(() => staging.SwapAsync(staged, CancellationToken.None));
        Assert.Contains("view sales.busy", refused.Message, StringComparison.Ordinal);
        Assert.Contains("previous clone kept", refused.Message, StringComparison.Ordinal);

        await using var connection = await target.OpenAsync();
        Assert.Equal(3, await ScalarAsync<long>(connection, "SELECT count(*) FROM public.parent"));
        Assert.Equal(1, await ScalarAsync<long>(connection, "SELECT count(*) FROM sales.busy"));
        Assert.Equal(2, await ScalarAsync<long>(connection, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE '%\\_\\_sdv\\_staging'"));
        Assert.Equal(0, await ScalarAsync<long>(connection, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE '%\\_\\_sdv\\_old'"));
        Assert.NotEmpty(await staging.CleanAsync(CancellationToken.None));
        Assert.Empty(await LiveCloneChecks.StagingReferencesAsync(target));
    }

    [SkippableFact]
    public async Task An_object_outside_the_clone_that_read_the_previous_clone_goes_with_it_and_is_named_in_a_warning()
    {
        await using var target = await NewDatabaseAsync();
        var staging = Staging(target);
        await staging.CleanAsync(CancellationToken.None);
        await staging.SwapAsync(await CreateStagedCloneAsync(target, staging, 1), CancellationToken.None);
        await using (var connection = await target.OpenAsync())
        {
            await ExecuteAsync(connection, "CREATE SCHEMA reporting", "CREATE VIEW reporting.parents AS SELECT id FROM public.parent");
        }

        await staging.CleanAsync(CancellationToken.None);
        var warnings = await staging.SwapAsync(await CreateStagedCloneAsync(target, staging, 2), CancellationToken.None);
        var warning = Assert.Single(warnings);
        Assert.Contains("view reporting.parents", warning, StringComparison.Ordinal);
        Assert.Contains("outside the clone", warning, StringComparison.Ordinal);
        await AssertLiveCloneAsync(target, 2);
    }

    [Fact]
    public void The_staging_session_resolves_unqualified_names_in_staging_public_first_and_checks_no_function_body()
    {
        var staging = new Sdv.Connector.Nightly.Staging.PostgreSql.PostgreSqlStaging(EndpointFor("postgresql://u@h/db"));
        staging.ToStaging(Tables(DatabaseEngine.PostgreSql, new("a", "t"), new("public", "t"), new("z", "t")));
        Assert.Equal("SET search_path TO \"public__sdv_staging\", \"a__sdv_staging\", \"z__sdv_staging\"; SET check_function_bodies = off", staging.SessionSql);
    }

    private static Sdv.Connector.Connections.DatabaseEndpoint EndpointFor(string url) => Sdv.Connector.Connections.EndpointParser.Parse(url, null, null, "--target");
}
