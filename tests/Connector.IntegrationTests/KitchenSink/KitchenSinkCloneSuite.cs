using System.Data.Common;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.IntegrationTests.KitchenSink;

/// <summary>
/// "Kitchen sink in, queries on the clone out" for one source engine and one target engine: the source engine's kitchen
/// sink is built and cloned once per class (<see cref="SharedKitchenSinkClone{TSource}"/>), then each test queries the clone for
/// one promise of issue 13. A sealed subclass per engine pair binds the engines and adds the pair's own checks (types,
/// structures, code objects, warnings).
/// </summary>
public abstract class KitchenSinkCloneSuite<TSource, TTarget> : KitchenSinkSourceBinding<TSource>, IClassFixture<TTarget>
    where TSource : EngineFixture
    where TTarget : EngineFixture
{
    private readonly SharedKitchenSinkClone<TSource> _shared;

    protected KitchenSinkCloneSuite(TSource source, TTarget target, SharedKitchenSinkClone<TSource> shared)
        : base(source)
    {
        TargetFixture = target;
        _shared = shared;
    }

    protected TTarget TargetFixture { get; }

    /// <summary>The source engine's kitchen sink and what its clones must hold.</summary>
    protected abstract KitchenSinkExpectations Sink { get; }

    /// <summary>Pieces of the warnings the clone must print: what this pair truly loses (none on the same engine).</summary>
    protected abstract IReadOnlyList<string> ExpectedWarnings { get; }

    protected Task<KitchenSinkClone> CloneAsync() => _shared.GetAsync(SourceFixture, TargetFixture, Sink.Build);

    /// <summary>A table of the sink as the target names it: schema-qualified on PostgreSQL, by its name alone elsewhere.</summary>
    protected static string Table(DatabaseEngine engine, string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? Q(engine, name)
            : engine == DatabaseEngine.PostgreSql ? Q(engine, name[..dot]) + "." + Q(engine, name[(dot + 1)..])
            : Q(engine, name[(dot + 1)..]);
    }

    protected static string Q(DatabaseEngine engine, string identifier) => Cloning.CloneQueries.Quote(engine, identifier);

    protected static async Task<long> LongAsync(TestDatabase db, string sql) => await db.ScalarAsync<long>(sql);

    protected static string InsertSql(DatabaseEngine engine, string table, IReadOnlyList<(string Column, string Literal)> values) =>
        $"INSERT INTO {Table(engine, table)} ({string.Join(", ", values.Select(v => Q(engine, v.Column)))}) VALUES ({string.Join(", ", values.Select(v => v.Literal))})";

    /// <summary>Runs <paramref name="write"/> in a transaction that is rolled back, so the shared clone stays as loaded.</summary>
    protected static async Task InRolledBackTransactionAsync(TestDatabase db, Func<DbConnection, DbTransaction, Task> write)
    {
        await using var connection = await db.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        try
        {
            await write(connection, transaction);
        }
        finally
        {
            await transaction.RollbackAsync();
        }
    }

    protected static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    [SkippableFact]
    public async Task Every_table_exists_with_its_row_count()
    {
        var clone = await CloneAsync();
        foreach (var table in Sink.Tables)
        {
            Assert.Equal(table.Rows, await LongAsync(clone.Source, $"SELECT COUNT(*) FROM {Table(clone.Source.Engine, table.Name)}"));
            var rows = await LongAsync(clone.Target, $"SELECT COUNT(*) FROM {Table(clone.Target.Engine, table.Name)}");
            if (table.Exact) Assert.True(rows == table.Rows, $"{table.Name}: {rows} rows in the clone, {table.Rows} in the source");
            else Assert.True(Math.Abs(rows - table.Rows) <= 0.1 * table.Rows, $"{table.Name}: {rows} rows in the clone, {table.Rows} in the source (10% allowed)");
        }
    }

    [SkippableFact]
    public async Task Every_foreign_key_is_declared_and_has_no_orphans()
    {
        var clone = await CloneAsync();
        var engine = clone.Target.Engine;
        var declared = (await Cloning.CloneQueries.IntrospectAsync(clone.Target)).ForeignKeys
            .Select(fk => $"{fk.Table.Name}.{string.Join(",", fk.Columns)}->{fk.PrincipalTable.Name}").Order().ToList();
        var expected = Sink.ForeignKeys.Select(fk => $"{Bare(fk.Table)}.{fk.Column}->{Bare(fk.Parent)}").Order().ToList();
        Assert.Equal(expected, declared);
        foreach (var fk in Sink.ForeignKeys)
        {
            var orphans = await LongAsync(clone.Target,
                $"SELECT COUNT(*) FROM {Table(engine, fk.Table)} c LEFT JOIN {Table(engine, fk.Parent)} p ON p.{Q(engine, fk.ParentColumn)} = c.{Q(engine, fk.Column)} " +
                $"WHERE p.{Q(engine, fk.ParentColumn)} IS NULL AND c.{Q(engine, fk.Column)} IS NOT NULL");
            Assert.True(orphans == 0, $"{fk.Table}.{fk.Column} -> {fk.Parent}: {orphans} orphan(s)");
        }

        static string Bare(string name) => name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..];
    }

    [SkippableFact]
    public async Task Generated_columns_are_computed_by_the_target()
    {
        var clone = await CloneAsync();
        var engine = clone.Target.Engine;
        foreach (var (table, column, expression) in Sink.Generated)
        {
            var rows = await LongAsync(clone.Target, $"SELECT COUNT(*) FROM {Table(engine, table)}");
            var computed = await LongAsync(clone.Target,
                $"SELECT COUNT(*) FROM {Table(engine, table)} WHERE {Q(engine, column)} IS NOT NULL AND ABS({Q(engine, column)} - ({expression})) < 0.001");
            Assert.True(rows > 0 && computed == rows, $"{table}.{column}: {computed} of {rows} row(s) equal {expression}");
        }
    }

    [SkippableFact]
    public async Task Columns_of_every_kind_get_values_not_nulls()
    {
        var clone = await CloneAsync();
        foreach (var (table, column) in Sink.Filled)
        {
            var filled = await LongAsync(clone.Target, $"SELECT COUNT({Q(clone.Target.Engine, column)}) FROM {Table(clone.Target.Engine, table)}");
            var source = await LongAsync(clone.Source, $"SELECT COUNT({Q(clone.Source.Engine, column)}) FROM {Table(clone.Source.Engine, table)}");
            Assert.True(filled >= 0.8 * source && filled > 0, $"{table}.{column}: {filled} value(s) in the clone, {source} in the source");
        }
    }

    [SkippableFact]
    public async Task A_row_inserted_without_its_key_gets_a_new_key()
    {
        var clone = await CloneAsync();
        var engine = clone.Target.Engine;
        foreach (var row in Sink.NewRows)
        {
            var loadedMax = await LongAsync(clone.Target, $"SELECT MAX({Q(engine, row.Key)}) FROM {Table(engine, row.Table)}");
            await InRolledBackTransactionAsync(clone.Target, async (connection, transaction) =>
            {
                try
                {
                    await ScalarAsync(connection, transaction, InsertSql(engine, row.Table, row.Values));
                }
                catch (DbException e)
                {
                    Assert.Fail($"{row.Table}: a row without its key was refused: {e.Message}");
                }
                var key = Convert.ToInt64(await ScalarAsync(connection, transaction, $"SELECT MAX({Q(engine, row.Key)}) FROM {Table(engine, row.Table)}"), System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(key > loadedMax, $"{row.Table}: new key {key}, largest loaded {loadedMax}");
            });
        }
    }

    [SkippableFact]
    public async Task Check_domain_and_enum_constraints_refuse_a_bad_row()
    {
        var clone = await CloneAsync();
        foreach (var violation in Sink.Violations)
        {
            var refused = false;
            await InRolledBackTransactionAsync(clone.Target, async (connection, transaction) =>
            {
                try
                {
                    await ScalarAsync(connection, transaction, InsertSql(clone.Target.Engine, violation.Table, violation.Values));
                }
                catch (DbException)
                {
                    refused = true;
                }
            });
            Assert.True(refused, $"{violation.Table}: the clone accepted a row with {violation.Why}");
        }
    }

    [SkippableFact]
    public async Task No_personal_value_of_the_source_appears_in_the_clone()
    {
        var clone = await CloneAsync();
        foreach (var (table, column) in Sink.Personal)
        {
            var real = (await ColumnAsync(clone.Source, table, column)).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
            var synthetic = (await ColumnAsync(clone.Target, table, column)).OfType<string>().ToList();
            Assert.True(real.Count > 0 && synthetic.Count > 0, $"{table}.{column}: {real.Count} source and {synthetic.Count} clone value(s)");
            var leaked = synthetic.Where(real.Contains).Distinct().ToList();
            Assert.True(leaked.Count == 0, $"{table}.{column}: {leaked.Count} source value(s) in the clone, e.g. {leaked.FirstOrDefault()}");
        }
    }

    [SkippableFact]
    public async Task Warnings_name_what_the_target_truly_loses()
    {
        var clone = await CloneAsync();
        foreach (var expected in ExpectedWarnings)
        {
            Assert.True(clone.Warnings.Any(w => w.Contains(expected, StringComparison.Ordinal)), $"no warning says \"{expected}\"; warnings:\n{string.Join("\n", clone.Warnings)}");
        }
        if (clone.Source.Engine == clone.Target.Engine)
        {
            var unexpected = clone.Warnings.Where(w => !ExpectedSameEngineWarnings.Any(e => w.Contains(e, StringComparison.Ordinal))).ToList();
            Assert.True(unexpected.Count == 0, $"warnings a same-engine clone should not give:\n{string.Join("\n", unexpected)}");
        }
    }

    [SkippableFact]
    public async Task A_second_clone_into_the_filled_target_is_refused_in_plain_words()
    {
        var clone = await CloneAsync();
        var run = await Cloning.CliRun.RunAsync("clone", "--source", Cloning.DatabaseUrl.For(clone.Source), "--target", Cloning.DatabaseUrl.For(clone.Target), "--seed", "42");
        Assert.True(run.ExitCode != 0, run.ToString());
        var errors = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(errors.Length is > 0 and <= 2, run.ToString());
        Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal);
        Assert.Contains("--replace", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("fit [", run.Output, StringComparison.Ordinal);
    }

    /// <summary>Each column's declared type in the target as the engine's catalog spells it (format_type, COLUMN_TYPE, the declared type of SQLite).</summary>
    protected static async Task AssertTypesAsync(TestDatabase db, params (string Table, string Column, string Type)[] expected)
    {
        var actual = new List<string>();
        foreach (var (table, column, _) in expected)
        {
            var sql = db.Engine switch
            {
                DatabaseEngine.PostgreSql => $"SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '{Table(db.Engine, table).Replace("'", "''", StringComparison.Ordinal)}'::regclass AND attname = '{column}'",
                DatabaseEngine.MySql => $"SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '{table}' AND COLUMN_NAME = '{column}'",
                _ => $"SELECT type FROM pragma_table_info('{table}') WHERE name = '{column}'",
            };
            actual.Add($"{table}.{column} {await db.ScalarAsync<string>(sql)}");
        }
        Assert.Equal(expected.Select(e => $"{e.Table}.{e.Column} {e.Type}"), actual);
    }

    /// <summary>The warnings a same-engine clone may print (data facts, not losses).</summary>
    protected virtual IReadOnlyList<string> ExpectedSameEngineWarnings => [];

    protected static async Task<List<object?>> ColumnAsync(TestDatabase db, string table, string column)
    {
        await using var connection = await db.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Q(db.Engine, column)} FROM {Table(db.Engine, table)}";
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<object?>();
        while (await reader.ReadAsync()) values.Add(reader.IsDBNull(0) ? null : reader.GetValue(0));
        return values;
    }
}
