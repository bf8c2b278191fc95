using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.MultiTable;
using Xunit;
using static Sdv.Connector.IntegrationTests.Cloning.CloneQueries;

namespace Sdv.Connector.IntegrationTests.Nightly;

/// <summary>
/// What a refreshed target must show after a nightly run, the checks the clone tests make, for any source schema:
/// the source's tables, each holding what the run says it wrote (a root the source's count, an empty table empty, a
/// filled one filled); every foreign key declared as in the source and holding; the same keys, NOT NULL columns and
/// checks; every view there and selecting; every database-generated key accepting a new row above the loaded ones;
/// and nothing, in any definition, naming the staging (or the previous clone's) schema or database, none left behind.
/// </summary>
internal static class LiveCloneChecks
{
    public static async Task AssertAsync(TestDatabase source, TestDatabase target, JsonElement summary, DatabaseModel model, string run)
    {
        var real = await IntrospectAsync(source);
        var clone = await IntrospectAsync(target);
        var engine = target.Engine;
        // One connection each: a few hundred queries, and opening an unpooled connection costs more than most of them.
        await using var from = await source.OpenAsync();
        await using var to = await target.OpenAsync();

        Assert.Equal(real.Tables.Select(t => Key(engine, t.Name)).Order(StringComparer.Ordinal), clone.Tables.Select(t => Key(engine, t.Name)).Order(StringComparer.Ordinal));
        await AssertRowsAsync(from, to, engine, real, clone, summary, model, run);
        await AssertKeysAsync(to, engine, real, clone, run);
        await AssertViewsAsync(to, engine, real, clone, run);
        await AssertGeneratedKeysAcceptAnInsertAsync(to, engine, clone, run);
        var leftovers = await StagingReferencesAsync(target);
        Assert.True(leftovers.Count == 0, $"{run}: the live clone still names the staging or old clone, or they are left behind: {string.Join("; ", leftovers)}");
    }

    /// <summary>How a table is matched between source and clone: by schema and name on PostgreSQL, by name elsewhere (one database).</summary>
    public static string Key(DatabaseEngine engine, QualifiedName name) => engine == DatabaseEngine.PostgreSql ? name.ToString() : name.Name;

    /// <summary>A table's name in SQL on its engine.</summary>
    public static string Sql(DatabaseEngine engine, QualifiedName name) =>
        engine == DatabaseEngine.PostgreSql ? $"{Quote(engine, name.Schema!)}.{Quote(engine, name.Name)}" : Quote(engine, name.Name);

    private static async Task AssertRowsAsync(DbConnection source, DbConnection target, DatabaseEngine engine, DatabaseSchema real, DatabaseSchema clone, JsonElement summary, DatabaseModel model, string run)
    {
        var written = summary.GetProperty("tables").EnumerateArray().ToDictionary(
            t => engine == DatabaseEngine.PostgreSql ? t.GetProperty("name").GetString()! : t.GetProperty("name").GetString()!.Split('.')[^1],
            t => t.GetProperty("rows").GetInt64(), StringComparer.Ordinal);
        var roots = model.Plan.Tables.Where(p => p.IsRoot).Select(p => Key(engine, p.Table)).ToHashSet(StringComparer.Ordinal);
        foreach (var table in real.Tables)
        {
            var key = Key(engine, table.Name);
            var expected = await LongAsync(source, null, $"SELECT COUNT(*) FROM {Sql(engine, table.Name)} x{OwnRows(engine, Sql(engine, table.Name))}");
            var cloned = Sql(engine, clone.Tables.Single(t => Key(engine, t.Name) == key).Name);
            var actual = await LongAsync(target, null, $"SELECT COUNT(*) FROM {cloned} x{OwnRows(engine, cloned)}");
            Assert.True(written.TryGetValue(key, out var reported), $"{run}: the summary lists no rows for {key}");
            Assert.True(reported == actual, $"{run}: {key} holds {actual} rows, the summary says {reported} were written");
            Assert.True(expected == 0 == (actual == 0), $"{run}: {key} holds {actual} rows, the source {expected}");
            // Synthetic rows that conflict under a PostgreSQL exclusion constraint are removed, with a warning: such a root may hold fewer.
            var exclusion = table.Annotations.Keys.Any(k => k.StartsWith("postgresql:exclusion:", StringComparison.Ordinal));
            if (roots.Contains(key)) Assert.True(exclusion ? actual <= expected : expected == actual, $"{run}: root table {key} holds {actual} rows, the source {expected}");
        }
    }

    /// <summary>On PostgreSQL, a table's own rows: not those of the tables that INHERIT from it (a partition's rows are the table's).</summary>
    private static string OwnRows(DatabaseEngine engine, string table) => engine == DatabaseEngine.PostgreSql
        ? " WHERE x.tableoid NOT IN (SELECT i.inhrelid FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid " +
          $"WHERE NOT c.relispartition AND i.inhparent = '{table.Replace("'", "''", StringComparison.Ordinal)}'::regclass)"
        : "";

    private static async Task AssertKeysAsync(DbConnection target, DatabaseEngine engine, DatabaseSchema real, DatabaseSchema clone, string run)
    {
        IEnumerable<string> Keys(DatabaseSchema schema) => schema.Tables.SelectMany(t =>
            new[] { t.PrimaryKey is { } pk ? $"{Key(engine, t.Name)} primary ({string.Join(",", pk.Columns)})" : null }
                .Concat(t.UniqueKeys.Select(u => $"{Key(engine, t.Name)} unique ({string.Join(",", u.Columns)})"))
                .Concat(t.ForeignKeys.Select(f => $"{Key(engine, t.Name)} ({string.Join(",", f.Columns)}) -> {Key(engine, f.PrincipalTable)} ({string.Join(",", f.PrincipalColumns)})"))
                .Concat(t.Columns.Where(c => !c.IsNullable).Select(c => $"{Key(engine, t.Name)}.{c.Name} not null"))
                .Concat(t.CheckConstraints.Select(c => $"{Key(engine, t.Name)} check {c.Name}")))
            .OfType<string>().Order(StringComparer.Ordinal);
        // The clone also declares the primary keys the fit inferred for keyless tables (README: inferred keys become constraints).
        var keyless = real.Tables.Where(t => t.PrimaryKey is null).Select(t => $"{Key(engine, t.Name)} primary (").ToList();
        var cloneKeys = Keys(clone).Where(k => !keyless.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList();
        Assert.Equal(Keys(real), cloneKeys);

        foreach (var table in clone.Tables)
        {
            foreach (var fk in table.ForeignKeys)
            {
                var parent = clone.Tables.Single(t => t.Name.Equals(fk.PrincipalTable));
                var columns = fk.Columns.Select(c => "c." + Quote(engine, c)).ToList();
                var join = string.Join(" AND ", fk.Columns.Zip(fk.PrincipalColumns, (c, p) => $"p.{Quote(engine, p)} = c.{Quote(engine, c)}"));
                var orphans = await LongAsync(target, null,
                    $"SELECT COUNT(*) FROM {Sql(engine, table.Name)} c WHERE {string.Join(" AND ", columns.Select(c => c + " IS NOT NULL"))} " +
                    $"AND NOT EXISTS (SELECT 1 FROM {Sql(engine, parent.Name)} p WHERE {join})");
                Assert.True(orphans == 0, $"{run}: {fk}: {orphans} row(s) without their parent");
            }
        }
    }

    private static async Task AssertViewsAsync(DbConnection target, DatabaseEngine engine, DatabaseSchema real, DatabaseSchema clone, string run)
    {
        Assert.Equal(real.Views.Select(v => Key(engine, v.Name)).Order(StringComparer.Ordinal), clone.Views.Select(v => Key(engine, v.Name)).Order(StringComparer.Ordinal));
        foreach (var view in clone.Views)
        {
            try
            {
                await LongAsync(target, null, $"SELECT COUNT(*) FROM {Sql(engine, view.Name)}");
            }
            catch (DbException e)
            {
                Assert.Fail($"{run}: view {view.Name} does not select: {e.Message}");
            }
        }
    }

    /// <summary>
    /// Every table whose one-column primary key the database generates (identity, serial's sequence, AUTO_INCREMENT,
    /// rowid) takes a copy of one of its rows without the key, and the key it gets is above every loaded one. Unique
    /// text columns are prefixed in the copy; a table with another unique key is left out. Rolled back.
    /// </summary>
    private static async Task AssertGeneratedKeysAcceptAnInsertAsync(DbConnection connection, DatabaseEngine engine, DatabaseSchema clone, string run)
    {
        foreach (var table in clone.Tables)
        {
            if (table.PrimaryKey is not { Columns: [var keyName] } || table.FindColumn(keyName) is not { Identity: not IdentityKind.None } key) continue;
            var foreignColumns = table.ForeignKeys.SelectMany(f => f.Columns).ToHashSet(StringComparer.Ordinal);
            var unique = table.UniqueKeys.SelectMany(u => u.Columns).Distinct(StringComparer.Ordinal).Select(table.Column).ToList();
            if (unique.Any(c => foreignColumns.Contains(c.Name) || c.LogicalType is not (LogicalType.String or LogicalType.Text) || c.MaxLength is < 20)) continue;
            var columns = table.Columns.Where(c => c.Name != keyName && c.GeneratedSql is null).ToList();
            var values = columns.Select(c => unique.Contains(c)
                ? engine == DatabaseEngine.MySql ? $"CONCAT('~', {Quote(engine, c.Name)})" : $"'~' || {Quote(engine, c.Name)}"
                : Quote(engine, c.Name));
            var name = Sql(engine, table.Name);
            var q = Quote(engine, keyName);
            await using var transaction = await connection.BeginTransactionAsync();
            var before = await LongAsync(connection, transaction, $"SELECT MAX({q}) FROM {name}");
            if (before is null) continue;
            var copy = $"INSERT INTO {name} ({string.Join(", ", columns.Select(c => Quote(engine, c.Name)))}) " +
                $"SELECT {string.Join(", ", values)} FROM {name} WHERE {q} = {before.Value.ToString(CultureInfo.InvariantCulture)}";
            try
            {
                await LongAsync(connection, transaction, copy);
            }
            catch (DbException e)
            {
                Assert.Fail($"{run}: a new row in {table.Name} ({key.Identity}) is refused: {e.Message}\n{copy}");
            }
            var after = await LongAsync(connection, transaction, $"SELECT MAX({q}) FROM {name}");
            Assert.True(after > before, $"{run}: a new row in {table.Name} got key {after}, the largest loaded key is {before}");
            await transaction.RollbackAsync();
        }
    }

    private static async Task<long?> LongAsync(DbConnection connection, DbTransaction? transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    /// <summary>Objects of the target whose definition names a staging or old schema/database, and such schemas, databases or files left behind.</summary>
    public static async Task<List<string>> StagingReferencesAsync(TestDatabase target)
    {
        var found = new List<string>();
        switch (target.Engine)
        {
            case DatabaseEngine.Sqlite:
                foreach (var suffix in new[] { ".sdv-staging", ".sdv-staging-journal", ".sdv-staging-wal", ".sdv-lock" })
                {
                    if (File.Exists(target.Name + suffix)) found.Add("file " + target.Name + suffix);
                }
                await ReadAsync(target, "SELECT type || ' ' || name FROM sqlite_master WHERE sql LIKE '%sdv_staging%' OR sql LIKE '%sdv_old%'", found);
                break;
            case DatabaseEngine.PostgreSql:
                await ReadAsync(target, PostgresReferencesSql, found);
                break;
            case DatabaseEngine.MySql:
                await ReadAsync(target, MariaDbReferencesSql.Replace("@db", $"'{target.Name}'", StringComparison.Ordinal), found);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(target), target.Engine, "No staging checks for this engine.");
        }
        return found;
    }

    private static async Task ReadAsync(TestDatabase db, string sql, List<string> found)
    {
        await using var connection = await db.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) found.Add(reader.GetString(0));
    }

    private const string Pattern = "'__sdv_(staging|old)'";

    private const string PostgresReferencesSql = $"""
        SELECT 'schema ' || nspname FROM pg_namespace WHERE nspname ~ {Pattern}
        UNION ALL SELECT 'view ' || c.oid::regclass::text FROM pg_class c WHERE c.relkind IN ('v', 'm') AND pg_get_viewdef(c.oid) ~ {Pattern}
        UNION ALL SELECT 'index ' || indexrelid::regclass::text FROM pg_index WHERE pg_get_indexdef(indexrelid) ~ {Pattern}
        UNION ALL SELECT 'default of ' || adrelid::regclass::text FROM pg_attrdef WHERE pg_get_expr(adbin, adrelid) ~ {Pattern}
        UNION ALL SELECT 'constraint ' || conname FROM pg_constraint WHERE pg_get_constraintdef(oid) ~ {Pattern}
        UNION ALL SELECT 'trigger ' || tgname FROM pg_trigger WHERE NOT tgisinternal AND pg_get_triggerdef(oid) ~ {Pattern}
        UNION ALL SELECT 'routine ' || p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND (p.prosrc ~ {Pattern} OR array_to_string(p.proconfig, ',') ~ {Pattern})
        UNION ALL SELECT 'comment on ' || objoid::text FROM pg_description WHERE description ~ {Pattern}
        UNION ALL SELECT 'column type ' || a.attrelid::regclass::text || '.' || a.attname FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
          JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname ~ {Pattern}
        """;

    private const string MariaDbReferencesSql = """
        SELECT CONCAT('database ', schema_name) FROM information_schema.schemata WHERE schema_name IN (CONCAT(@db, '__sdv_staging'), CONCAT(@db, '__sdv_old'))
        UNION ALL SELECT CONCAT('view ', table_name) FROM information_schema.views WHERE table_schema = @db AND view_definition LIKE '%\_\_sdv\_%'
        UNION ALL SELECT CONCAT('default of ', table_name, '.', column_name) FROM information_schema.columns
          WHERE table_schema = @db AND (column_default LIKE '%\_\_sdv\_%' OR generation_expression LIKE '%\_\_sdv\_%')
        UNION ALL SELECT CONCAT('trigger ', trigger_name) FROM information_schema.triggers WHERE trigger_schema = @db AND action_statement LIKE '%\_\_sdv\_%'
        UNION ALL SELECT CONCAT('routine ', routine_name) FROM information_schema.routines WHERE routine_schema = @db AND routine_definition LIKE '%\_\_sdv\_%'
        UNION ALL SELECT CONCAT('check ', constraint_name) FROM information_schema.check_constraints WHERE constraint_schema = @db AND check_clause LIKE '%\_\_sdv\_%'
        UNION ALL SELECT CONCAT('foreign key ', constraint_name, ' into ', referenced_table_schema) FROM information_schema.key_column_usage
          WHERE table_schema = @db AND referenced_table_schema IS NOT NULL AND referenced_table_schema <> @db
        """;
}
