using Sdv.Connector.IntegrationTests.Infrastructure;
using Xunit;
using static Sdv.Connector.IntegrationTests.Cloning.CloneQueries;

namespace Sdv.Connector.IntegrationTests.Cloning;

/// <summary>
/// "Database in, queries on the clone out" for one source engine and one target engine: the fixture
/// schema (<see cref="CloneFixtureSchema"/>) is built once per class in the source, each test clones
/// it with <c>sdv-connector clone</c> (in process) into a fresh target and checks the target with
/// plain SQL. A sealed subclass binds each engine pair.
/// </summary>
public abstract class CloneSuite<TSource, TTarget> : CloneSourceBinding<TSource>, IClassFixture<TTarget>
    where TSource : EngineFixture
    where TTarget : EngineFixture
{
    protected CloneSuite(TSource source, TTarget target, SharedCloneSource<TSource> shared)
        : base(source, shared)
    {
        TargetFixture = target;
    }

    protected TTarget TargetFixture { get; }

    protected async Task<TestDatabase> NewTargetAsync()
    {
        Skip.If(TargetFixture.SkipReason is not null, TargetFixture.SkipReason);
        return await TargetFixture.CreateDatabaseAsync();
    }

    /// <summary>Clones the shared source into a new target with the given extra options (seed 42 unless given); the run must succeed.</summary>
    protected async Task<TestDatabase> CloneIntoNewTargetAsync(params string[] options)
    {
        var source = await SourceAsync();
        var target = await NewTargetAsync();
        try
        {
            string[] seed = options.Contains("--seed") ? [] : ["--seed", "42"];
            var run = await CliRun.RunAsync(["clone", "--source", DatabaseUrl.For(source), "--target", DatabaseUrl.For(target), .. seed, .. options]);
            Assert.True(run.ExitCode == 0, run.ToString());
            return target;
        }
        catch
        {
            await target.DisposeAsync();
            throw;
        }
    }

    [SkippableFact]
    public async Task Root_tables_keep_their_row_counts_and_children_stay_within_ten_percent()
    {
        var source = await SourceAsync();
        await using var target = await CloneIntoNewTargetAsync();
        foreach (var table in CloneFixtureSchema.RootTables)
        {
            Assert.Equal(await CountAsync(source, table), await CountAsync(target, table));
        }
        foreach (var table in CloneFixtureSchema.ChildTables)
        {
            var expected = await CountAsync(source, table);
            var actual = await CountAsync(target, table);
            Assert.True(Math.Abs(actual - expected) <= 0.1 * expected, $"{table}: {actual} rows in the clone, {expected} in the source");
        }
    }

    [SkippableFact]
    public async Task Primary_composite_and_unique_keys_do_not_repeat()
    {
        await using var target = await CloneIntoNewTargetAsync();
        foreach (var (table, columns) in CloneFixtureSchema.Keys)
        {
            var key = string.Join(", ", columns.Select(c => Quote(target.Engine, c)));
            var repeated = await LongAsync(target,
                $"SELECT COUNT(*) FROM (SELECT {key} FROM {Quote(target.Engine, table)} GROUP BY {key} HAVING COUNT(*) > 1) r");
            Assert.True(repeated == 0, $"{table} ({string.Join(", ", columns)}): {repeated} repeated key(s)");
            Assert.True(await CountAsync(target, table) > 0, $"{table} is empty in the clone");
        }
    }

    [SkippableFact]
    public async Task Foreign_keys_are_declared_in_the_target_and_have_no_orphans()
    {
        var source = await SourceAsync();
        await using var target = await CloneIntoNewTargetAsync();
        var sourceKeys = (await IntrospectAsync(source)).ForeignKeys.Select(Describe).Order().ToList();
        var targetKeys = (await IntrospectAsync(target)).ForeignKeys.Select(Describe).Order().ToList();
        Assert.Equal(CloneFixtureSchema.ForeignKeys.Length, sourceKeys.Count);
        Assert.Equal(sourceKeys, targetKeys);
        foreach (var (table, column, parent, parentColumn) in CloneFixtureSchema.ForeignKeys)
        {
            string Q(string identifier) => Quote(target.Engine, identifier);
            var orphans = await LongAsync(target,
                $"SELECT COUNT(*) FROM {Q(table)} c LEFT JOIN {Q(parent)} p ON p.{Q(parentColumn)} = c.{Q(column)} WHERE p.{Q(parentColumn)} IS NULL AND c.{Q(column)} IS NOT NULL");
            Assert.True(orphans == 0, $"{table}.{column} -> {parent}.{parentColumn}: {orphans} orphan(s)");
        }
        // The self-reference and the cycle are really used, not left all NULL.
        Assert.True(await LongAsync(target, $"SELECT COUNT(*) FROM {Quote(target.Engine, "customer")} WHERE {Quote(target.Engine, "referred_by")} IS NOT NULL") > 0);
        Assert.True(await LongAsync(target, $"SELECT COUNT(*) FROM {Quote(target.Engine, "department")} WHERE {Quote(target.Engine, "head_id")} IS NOT NULL") > 0);

        static string Describe(SchemaIntrospection.Model.ForeignKeySchema fk) =>
            $"{fk.Table.Name}({string.Join(",", fk.Columns)})->{fk.PrincipalTable.Name}({string.Join(",", fk.PrincipalColumns)})";
    }

    [SkippableFact]
    public async Task Check_constraints_and_not_null_columns_hold()
    {
        var source = await SourceAsync();
        await using var target = await CloneIntoNewTargetAsync();
        if (source.Engine == target.Engine)
        {
            // The same engine gets a faithful copy, so the target itself enforces the checks.
            static IEnumerable<string> Checks(SchemaIntrospection.Model.DatabaseSchema schema) =>
                schema.Tables.SelectMany(t => t.CheckConstraints.Select(c => $"{t.Name.Name}.{c.Name}")).Order();
            var sourceChecks = Checks(await IntrospectAsync(source)).ToList();
            Assert.Equal(3, sourceChecks.Count);
            Assert.Equal(sourceChecks, Checks(await IntrospectAsync(target)));
        }
        foreach (var (table, column) in CloneFixtureSchema.NotNullColumns)
        {
            var nulls = await LongAsync(target, $"SELECT COUNT(*) FROM {Quote(target.Engine, table)} WHERE {Quote(target.Engine, column)} IS NULL");
            Assert.True(nulls == 0, $"{table}.{column}: {nulls} NULL(s)");
        }
        var prices = await ColumnAsync(target, "product", "price");
        Assert.DoesNotContain(prices, p => Number(p) <= 0);
        var quantities = await ColumnAsync(target, "order_line", "quantity");
        Assert.DoesNotContain(quantities, q => Number(q) <= 0);
        var statuses = await ColumnAsync(target, "orders", "status");
        Assert.All(statuses, s => Assert.Contains((string?)s, CloneFixtureSchema.Statuses));
        Assert.Equal(CloneFixtureSchema.Statuses, statuses.Cast<string>().Distinct().Order());
    }

    [SkippableFact]
    public async Task Numbers_and_dates_stay_within_the_source_range()
    {
        var source = await SourceAsync();
        await using var target = await CloneIntoNewTargetAsync();
        foreach (var (table, column) in CloneFixtureSchema.NumericColumns)
        {
            var from = (await ColumnAsync(source, table, column)).Select(Number).OfType<decimal>().ToList();
            var to = (await ColumnAsync(target, table, column)).Select(Number).OfType<decimal>().ToList();
            Assert.True(to.Count > 0, $"{table}.{column} has no values in the clone");
            Assert.True(to.Min() >= from.Min() && to.Max() <= from.Max(),
                $"{table}.{column}: clone range [{to.Min()}, {to.Max()}] outside the source's [{from.Min()}, {from.Max()}]");
        }
        foreach (var (table, column) in CloneFixtureSchema.DateColumns)
        {
            var from = (await ColumnAsync(source, table, column)).Select(Date).OfType<DateTime>().ToList();
            var to = (await ColumnAsync(target, table, column)).Select(Date).OfType<DateTime>().ToList();
            Assert.True(to.Count > 0, $"{table}.{column} has no values in the clone");
            Assert.True(to.Min() >= from.Min() && to.Max() <= from.Max(),
                $"{table}.{column}: clone range [{to.Min():O}, {to.Max():O}] outside the source's [{from.Min():O}, {from.Max():O}]");
        }
    }

    [SkippableFact]
    public async Task No_personal_value_of_the_source_appears_in_the_clone()
    {
        var source = await SourceAsync();
        await using var target = await CloneIntoNewTargetAsync();
        foreach (var column in new[] { "email", "full_name", "phone" })
        {
            var real = (await ColumnAsync(source, "customer", column)).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
            var synthetic = (await ColumnAsync(target, "customer", column)).OfType<string>().ToList();
            Assert.True(synthetic.Count > 0, $"customer.{column} is empty in the clone");
            var leaked = synthetic.Where(real.Contains).Distinct().ToList();
            Assert.True(leaked.Count == 0, $"customer.{column}: {leaked.Count} source value(s) in the clone, e.g. {leaked.FirstOrDefault()}");
        }
        Assert.Contains(CloneFixtureSchema.MarkerEmail, (await ColumnAsync(source, "customer", "email")).OfType<string>());
        foreach (var column in new[] { "email", "full_name", "phone", "notes" })
        {
            var values = (await ColumnAsync(target, "customer", column)).OfType<string>().ToList();
            Assert.DoesNotContain(values, v => v.Contains("7f3a", StringComparison.OrdinalIgnoreCase) || v.Contains("Zephyrine", StringComparison.OrdinalIgnoreCase));
        }
    }

    [SkippableTheory]
    [InlineData("cart")]
    [InlineData("arf")]
    [InlineData("auto")]
    public async Task A_clone_with_a_tree_model_keeps_counts_keys_and_constraints(string kind)
    {
        var source = await SourceAsync();
        await using var target = await CloneIntoNewTargetAsync("--model-kind", kind);
        string Q(string identifier) => Quote(target.Engine, identifier);
        foreach (var table in CloneFixtureSchema.RootTables) Assert.Equal(await CountAsync(source, table), await CountAsync(target, table));
        foreach (var (table, columns) in CloneFixtureSchema.Keys)
        {
            var key = string.Join(", ", columns.Select(Q));
            Assert.Equal(0, await LongAsync(target, $"SELECT COUNT(*) FROM (SELECT {key} FROM {Q(table)} GROUP BY {key} HAVING COUNT(*) > 1) r"));
        }
        foreach (var (table, column, parent, parentColumn) in CloneFixtureSchema.ForeignKeys)
        {
            Assert.Equal(0, await LongAsync(target,
                $"SELECT COUNT(*) FROM {Q(table)} c LEFT JOIN {Q(parent)} p ON p.{Q(parentColumn)} = c.{Q(column)} WHERE p.{Q(parentColumn)} IS NULL AND c.{Q(column)} IS NOT NULL"));
        }
        foreach (var (table, column) in CloneFixtureSchema.NotNullColumns)
        {
            Assert.Equal(0, await LongAsync(target, $"SELECT COUNT(*) FROM {Q(table)} WHERE {Q(column)} IS NULL"));
        }
        Assert.DoesNotContain(await ColumnAsync(target, "product", "price"), p => Number(p) <= 0);
        Assert.DoesNotContain(await ColumnAsync(target, "order_line", "quantity"), q => Number(q) <= 0);
        Assert.All(await ColumnAsync(target, "orders", "status"), s => Assert.Contains((string?)s, CloneFixtureSchema.Statuses));
        foreach (var (table, column) in CloneFixtureSchema.NumericColumns)
        {
            var from = (await ColumnAsync(source, table, column)).Select(Number).OfType<decimal>().ToList();
            var to = (await ColumnAsync(target, table, column)).Select(Number).OfType<decimal>().ToList();
            Assert.True(to.Count > 0 && to.Min() >= from.Min() && to.Max() <= from.Max(), $"{kind}: {table}.{column} outside the source's range or empty");
        }
    }

    [SkippableFact]
    public async Task The_same_seed_gives_the_same_clone()
    {
        await using var first = await CloneIntoNewTargetAsync();
        await using var second = await CloneIntoNewTargetAsync();
        foreach (var table in CloneFixtureSchema.AllTables)
        {
            var a = await RowsAsync(first, table);
            var b = await RowsAsync(second, table);
            Assert.True(a.Count > 0, $"{table} is empty in the clone");
            Assert.Equal(a, b);
        }
    }

    [SkippableFact]
    public async Task A_new_customer_gets_an_identity_above_the_loaded_ones()
    {
        await using var target = await CloneIntoNewTargetAsync();
        string Q(string identifier) => Quote(target.Engine, identifier);
        var loadedMax = await LongAsync(target, $"SELECT MAX({Q("id")}) FROM {Q("customer")}");
        var region = await LongAsync(target, $"SELECT MIN({Q("id")}) FROM {Q("region")}");
        await target.ExecuteAsync(
            $"INSERT INTO {Q("customer")} ({Q("region_id")}, {Q("email")}, {Q("full_name")}, {Q("birth_date")}, {Q("signup_at")}, {Q("is_active")}, {Q("credit_limit")}) " +
            $"VALUES ({region}, 'new.customer.after.clone@example.org', 'New Customer', '1990-01-01', '2024-06-01 12:00:00', TRUE, 1000.00)");
        var id = await LongAsync(target, $"SELECT {Q("id")} FROM {Q("customer")} WHERE {Q("email")} = 'new.customer.after.clone@example.org'");
        Assert.True(id > loadedMax, $"new id {id}, largest loaded id {loadedMax}");
    }
}
