using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Sdv.Connector.Engines;
using Sdv.Connector.Engines.MySql;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;
using Xunit.Abstractions;

namespace Sdv.Connector.IntegrationTests.Writing;

/// <summary>
/// The writer suite on MariaDB, from a SQLite-shaped schema (another engine: the type mapping),
/// plus what only MySQL/MariaDB has. The suite's name literal holds no backslash, so MySQL's
/// escaping reads it as written. Same-engine schemas are built as the MySQL introspector reports
/// them (COLUMN_TYPE as native type, MariaDB's JSON as longtext, "mysql.*" annotations).
/// </summary>
public sealed class MariaDbWriterTests(MariaDbFixture fixture, ITestOutputHelper output) : WriterSuite<MariaDbFixture>(fixture)
{
    private static ColumnSchema Native(int ordinal, string name, string native, LogicalType type, bool nullable = true) =>
        new() { Name = name, Ordinal = ordinal, NativeType = native, LogicalType = type, IsNullable = nullable };

    private async Task<DatabaseSchema> CreateAsync(DbConnection connection, DatabaseSchema source)
    {
        var target = SchemaMapper.ToTarget(source, DatabaseEngine.MySql, Adapter.DefaultSchema(connection), new List<string>());
        await Adapter.SchemaWriter.CreateTablesAsync(connection, target, CancellationToken.None);
        return target;
    }

    private static async Task<List<object?[]>> QueryAsync(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    private static async Task<long> CountAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task ExecAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static DatabaseSchema SameEngineSchema() => new()
    {
        Engine = DatabaseEngine.MySql,
        DatabaseName = "shop_source",
        Tables =
        [
            new TableSchema
            {
                Name = new QualifiedName("shop_source", "items"),
                Columns =
                [
                    Native(1, "id", "int(10) unsigned", LogicalType.Int64, nullable: false) with
                    {
                        Identity = IdentityKind.AutoIncrement,
                        Annotations = new Dictionary<string, string> { ["mysql.unsigned"] = "true" },
                    },
                    Native(2, "kind", "enum('a','b','it''s')", LogicalType.Enum, nullable: false) with { EnumValues = ["a", "b", "it's"], DefaultSql = "'a'" },
                    Native(3, "tags", "set('x','y','z')", LogicalType.Set) with { EnumValues = ["x", "y", "z"] },
                    Native(4, "doc", "longtext", LogicalType.Json),
                    Native(5, "qty", "smallint(5) unsigned", LogicalType.Int32, nullable: false) with { DefaultSql = "0" },
                    Native(6, "price", "decimal(10,2)", LogicalType.Decimal, nullable: false) with { Precision = 10, Scale = 2 },
                    Native(7, "total", "decimal(12,2)", LogicalType.Decimal) with
                    {
                        GeneratedSql = "`qty` * `price`",
                        Annotations = new Dictionary<string, string> { ["mysql.generated"] = "stored" },
                    },
                    Native(8, "changed", "timestamp", LogicalType.DateTime, nullable: false) with
                    {
                        DefaultSql = "current_timestamp()",
                        Annotations = new Dictionary<string, string> { ["mysql.on_update"] = "current_timestamp()" },
                    },
                ],
                PrimaryKey = new KeySchema("PRIMARY", ["id"]),
                CheckConstraints = [new CheckConstraintSchema("price_positive", "`price` > 0")],
            },
        ],
        Views = [new ViewSchema(new QualifiedName("shop_source", "big_items"), "select `shop_source`.`items`.`id` AS `id`,`shop_source`.`items`.`total` AS `total` from `shop_source`.`items` where `shop_source`.`items`.`total` > 10")],
    };

    [SkippableFact]
    public async Task Same_engine_copy_keeps_enum_set_json_unsigned_auto_increment_generated_column_and_check()
    {
        await using var db = await NewDatabaseAsync();
        await using var connection = await db.OpenAsync();
        var target = await CreateAsync(connection, SameEngineSchema());
        var items = target.Tables[0];
        var changed = new DateTime(2024, 1, 2, 3, 4, 5);
        object?[] Row(long id) => [id, id % 3 == 0 ? "it's" : "b", id % 2 == 0 ? "x,z" : "", $"{{\"n\": {id}}}", id, 2.50m + id, null, changed];
        Assert.Equal(20, await Adapter.BulkWriter.WriteAsync(connection, items, Rows(Enumerable.Range(1, 20).Select(i => Row(i))), CancellationToken.None));
        await Adapter.SchemaWriter.CreateForeignKeysAndIndexesAsync(connection, target, CancellationToken.None);
        await Adapter.SchemaWriter.ResetIdentitiesAsync(connection, target, CancellationToken.None);
        Assert.Empty(await Adapter.SchemaWriter.CreateViewsAsync(connection, target, CancellationToken.None));

        var columns = await QueryAsync(connection,
            "SELECT COLUMN_NAME, COLUMN_TYPE, EXTRA, COLUMN_DEFAULT, GENERATION_EXPRESSION FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'items' ORDER BY ORDINAL_POSITION");
        Assert.Equal(["int(10) unsigned", "enum('a','b','it''s')", "set('x','y','z')", "longtext", "smallint(5) unsigned", "decimal(10,2)", "decimal(12,2)", "timestamp"],
            columns.Select(c => (string)c[1]!).ToArray());
        Assert.Contains("auto_increment", (string)columns[0][2]!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("STORED GENERATED", (string)columns[6][2]!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("`qty` * `price`", columns[6][4]);
        Assert.Contains("on update current_timestamp()", (string)columns[7][2]!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("current_timestamp()", columns[7][3]);
        var checks = await QueryAsync(connection, "SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY CONSTRAINT_NAME");
        Assert.Equal([("doc", "json_valid(`doc`)"), ("price_positive", "`price` > 0")], checks.Select(c => ((string)c[0]!, (string)c[1]!)).ToArray());

        var read = (await ReadAllAsync(connection, items)).OrderBy(r => (long)r[0]!).ToList();
        Assert.Equal(20, read.Count);
        for (var i = 1; i <= 20; i++)
        {
            var expected = Row(i);
            expected[6] = i * (2.50m + i);
            Assert.Equal(expected, read[i - 1]);
        }
        Assert.Equal(2, await CountAsync(connection, "SELECT COUNT(*) FROM big_items WHERE total > 400"));

        await Assert.ThrowsAnyAsync<DbException>(() => ExecAsync(connection, "INSERT INTO items (kind, price) VALUES ('a', -1)"));
        await Assert.ThrowsAnyAsync<DbException>(() => ExecAsync(connection, "INSERT INTO items (kind, price, doc) VALUES ('a', 1, '{not json')"));
        await Assert.ThrowsAnyAsync<DbException>(() => ExecAsync(connection, "INSERT INTO items (kind, price) VALUES ('c', 1)"));
        await ExecAsync(connection, "INSERT INTO items (price) VALUES (1)");
        Assert.Equal(21, await CountAsync(connection, "SELECT id FROM items WHERE kind = 'a'"));
    }

    [SkippableFact]
    public async Task Text_keys_from_postgresql_become_indexable_varchar_and_keep_case_distinct_values()
    {
        await using var db = await NewDatabaseAsync();
        await using var connection = await db.OpenAsync();
        var parentName = new QualifiedName("public", "parent");
        var childName = new QualifiedName("public", "child");
        var source = new DatabaseSchema
        {
            Engine = DatabaseEngine.PostgreSql,
            Tables =
            [
                new TableSchema
                {
                    Name = parentName,
                    Columns = [Col(1, "code", LogicalType.Text, nullable: false), Col(2, "label", LogicalType.Text), Col(3, "body", LogicalType.Text), Col(4, "raw", LogicalType.Binary)],
                    PrimaryKey = new KeySchema("parent_pkey", ["code"]),
                    UniqueKeys = [new KeySchema("parent_label_key", ["label"]), new KeySchema("parent_raw_key", ["raw"])],
                },
                new TableSchema
                {
                    Name = childName,
                    Columns = [Col(1, "id", LogicalType.Int64, nullable: false), Col(2, "parent_code", LogicalType.Text, nullable: false), Col(3, "note", LogicalType.String, length: 100000)],
                    PrimaryKey = new KeySchema("child_pkey", ["id"]),
                    ForeignKeys = [new ForeignKeySchema { Name = "child_parent_fkey", Table = childName, Columns = ["parent_code"], PrincipalTable = parentName, PrincipalColumns = ["code"], OnDelete = ReferentialAction.Cascade }],
                    Indexes = [new IndexSchema("child_note_idx", ["note"], false)],
                },
            ],
        };
        var target = await CreateAsync(connection, source);
        string[] codes = ["abc", "ABC", "Abc", "straße"];
        await Adapter.BulkWriter.WriteAsync(connection, target.Table(new QualifiedName(db.Name, "parent")),
            Rows(codes.Select((c, i) => new object?[] { c, c + "!", new string('x', 1000 * (i + 1)), new byte[] { (byte)i } })), CancellationToken.None);
        await Adapter.BulkWriter.WriteAsync(connection, target.Table(new QualifiedName(db.Name, "child")),
            Rows(Enumerable.Range(1, 8).Select(i => new object?[] { (long)i, codes[i % 4], "note " + i })), CancellationToken.None);
        await Adapter.SchemaWriter.CreateForeignKeysAndIndexesAsync(connection, target, CancellationToken.None);

        var types = (await QueryAsync(connection, "SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME), COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1"))
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.Equal("varchar(255)", types["parent.code"]);
        Assert.Equal("varchar(255)", types["parent.label"]);
        Assert.Equal("longtext", types["parent.body"]);
        Assert.Equal("varbinary(255)", types["parent.raw"]);
        Assert.Equal("varchar(255)", types["child.parent_code"]);
        Assert.Equal("varchar(768)", types["child.note"]);
        Assert.Equal(4, await CountAsync(connection, "SELECT COUNT(DISTINCT code) FROM parent"));
        Assert.Equal(1, await CountAsync(connection, "SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND DELETE_RULE = 'CASCADE'"));
        Assert.Equal(1, await CountAsync(connection, "SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME = 'child_note_idx'"));
        await ExecAsync(connection, "DELETE FROM parent WHERE code = 'ABC'");
        Assert.Equal(6, await CountAsync(connection, "SELECT COUNT(*) FROM child"));
    }

    private static DatabaseSchema CycleSchema(string? schemaName)
    {
        var a = new QualifiedName(schemaName, "a");
        var b = new QualifiedName(schemaName, "b");
        return new DatabaseSchema
        {
            Engine = DatabaseEngine.Sqlite,
            Tables =
            [
                new TableSchema
                {
                    Name = a, Columns = [Col(1, "id", LogicalType.Int64, nullable: false), Col(2, "b_id", LogicalType.Int64, nullable: false)],
                    PrimaryKey = new KeySchema(null, ["id"]),
                    ForeignKeys = [new ForeignKeySchema { Name = "fk_ab", Table = a, Columns = ["b_id"], PrincipalTable = b, PrincipalColumns = ["id"] }],
                },
                new TableSchema
                {
                    Name = b, Columns = [Col(1, "id", LogicalType.Int64, nullable: false), Col(2, "a_id", LogicalType.Int64, nullable: false)],
                    PrimaryKey = new KeySchema(null, ["id"]),
                    ForeignKeys = [new ForeignKeySchema { Name = "fk_ba", Table = b, Columns = ["a_id"], PrincipalTable = a, PrincipalColumns = ["id"] }],
                },
            ],
        };
    }

    [SkippableFact]
    public async Task A_two_table_foreign_key_cycle_loads_and_is_enforced_after_the_load()
    {
        await using var db = await NewDatabaseAsync();
        await using var connection = await db.OpenAsync();
        var target = await CreateAsync(connection, CycleSchema(null));
        await Adapter.BulkWriter.WriteAsync(connection, target.Tables[0], Rows(Enumerable.Range(1, 50).Select(i => new object?[] { (long)i, (long)(51 - i) })), CancellationToken.None);
        await Adapter.BulkWriter.WriteAsync(connection, target.Tables[1], Rows(Enumerable.Range(1, 50).Select(i => new object?[] { (long)i, (long)i })), CancellationToken.None);
        await Adapter.SchemaWriter.CreateForeignKeysAndIndexesAsync(connection, target, CancellationToken.None);
        Assert.Equal(2, await CountAsync(connection, "SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()"));
        await Assert.ThrowsAnyAsync<DbException>(() => ExecAsync(connection, "INSERT INTO a (id, b_id) VALUES (99, 99)"));
        await Adapter.SchemaWriter.DropTablesAsync(connection, target.Tables.Select(t => t.Name).ToList(), CancellationToken.None);
        Assert.Equal(0, await CountAsync(connection, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"));
    }

    [SkippableFact]
    public async Task Adding_a_foreign_key_checks_the_rows_already_loaded()
    {
        await using var db = await NewDatabaseAsync();
        await using var connection = await db.OpenAsync();
        var target = await CreateAsync(connection, CycleSchema(null));
        await Adapter.BulkWriter.WriteAsync(connection, target.Tables[0], Rows([[1L, 1L], [2L, 2L]]), CancellationToken.None);
        await Adapter.BulkWriter.WriteAsync(connection, target.Tables[1], Rows([[1L, 1L], [2L, 3L]]), CancellationToken.None);
        await Assert.ThrowsAnyAsync<DbException>(() => Adapter.SchemaWriter.CreateForeignKeysAndIndexesAsync(connection, target, CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_failed_load_leaves_the_table_empty()
    {
        await using var db = await NewDatabaseAsync();
        await using var connection = await db.OpenAsync();
        var target = await CreateAsync(connection, CycleSchema(null));
        // Row 3 repeats key 1: LOAD DATA LOCAL would skip it with a warning; the writer refuses and rolls back.
        await Assert.ThrowsAnyAsync<Exception>(() => Adapter.BulkWriter.WriteAsync(connection, target.Tables[0], Rows([[1L, 1L], [2L, 2L], [1L, 3L]]), CancellationToken.None));
        Assert.Equal(0, await CountAsync(connection, "SELECT COUNT(*) FROM a"));
        // A value that does not fit (a string in a bigint) is refused too, not truncated.
        await Assert.ThrowsAnyAsync<Exception>(() => Adapter.BulkWriter.WriteAsync(connection, target.Tables[0], Rows([[1L, 1L], [2L, "two"]]), CancellationToken.None));
        Assert.Equal(0, await CountAsync(connection, "SELECT COUNT(*) FROM a"));
    }

    [SkippableFact]
    public async Task Hostile_identifiers_are_quoted_everywhere()
    {
        await using var db = await NewDatabaseAsync();
        await using var connection = await db.OpenAsync();
        var table = new QualifiedName(null, "we`ird \"t'able`; drop table x");
        var child = new QualifiedName(null, "ch`ild");
        var source = new DatabaseSchema
        {
            Engine = DatabaseEngine.Sqlite,
            Tables =
            [
                new TableSchema
                {
                    Name = table,
                    Columns = [Col(1, "i`d", LogicalType.Int64, nullable: false) with { Identity = IdentityKind.RowId }, Col(2, "va\"l'ue`", LogicalType.String, length: 30), Col(3, "b`in", LogicalType.Binary)],
                    PrimaryKey = new KeySchema("p`k", ["i`d"]),
                    UniqueKeys = [new KeySchema("u`q", ["va\"l'ue`"])],
                },
                new TableSchema
                {
                    Name = child,
                    Columns = [Col(1, "i`d", LogicalType.Int64, nullable: false), Col(2, "pa`rent", LogicalType.Int64)],
                    PrimaryKey = new KeySchema(null, ["i`d"]),
                    ForeignKeys = [new ForeignKeySchema { Name = "f`k", Table = child, Columns = ["pa`rent"], PrincipalTable = table, PrincipalColumns = ["i`d"] }],
                    Indexes = [new IndexSchema("i`x; drop", ["pa`rent"], false)],
                },
            ],
        };
        var target = await CreateAsync(connection, source);
        object?[][] rows = [[1L, "a`b'c\"d; drop table x", new byte[] { 0, 9, 10, 92 }], [2L, "tab\there\\back\nline", Array.Empty<byte>()], [3L, null, null]];
        Assert.Equal(3, await Adapter.BulkWriter.WriteAsync(connection, target.Tables[0], Rows(rows), CancellationToken.None));
        Assert.Equal(2, await Adapter.BulkWriter.WriteAsync(connection, target.Tables[1], Rows([[1L, 1L], [2L, 3L]]), CancellationToken.None));
        await Adapter.SchemaWriter.CreateForeignKeysAndIndexesAsync(connection, target, CancellationToken.None);
        await Adapter.SchemaWriter.ResetIdentitiesAsync(connection, target, CancellationToken.None);
        await Adapter.SchemaWriter.AnalyzeAsync(connection, target, CancellationToken.None);
        var read = (await ReadAllAsync(connection, target.Tables[0])).OrderBy(r => (long)r[0]!).ToArray();
        Assert.Equal(rows, read);
        Assert.Equal(2, await CountAsync(connection, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"));
        Assert.Equal(4L, await CountAsync(connection, $"SELECT AUTO_INCREMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '{table.Name.Replace("'", "''", StringComparison.Ordinal)}'"));
    }

    [SkippableFact]
    public async Task Zero_dates_and_times_beyond_a_day_read_as_null_with_a_warning()
    {
        await using var db = await NewDatabaseAsync();
        await using var connection = await db.OpenAsync();
        await ExecAsync(connection, "SET SESSION sql_mode = ''");
        await ExecAsync(connection, "CREATE TABLE odd (id int PRIMARY KEY, d date, dt datetime, t time)");
        await ExecAsync(connection, "INSERT INTO odd VALUES (1, '0000-00-00', '0000-00-00 00:00:00', '30:00:00'), (2, '2024-02-29', '2024-02-29 12:34:56', '23:59:59'), (3, '2024-00-10', NULL, '-01:00:00')");
        var table = new TableSchema
        {
            Name = new QualifiedName(db.Name, "odd"),
            Columns = [Native(1, "id", "int(11)", LogicalType.Int32), Native(2, "d", "date", LogicalType.Date), Native(3, "dt", "datetime", LogicalType.DateTime), Native(4, "t", "time", LogicalType.Time)],
            Annotations = new Dictionary<string, string> { [SchemaMapper.SourceEngineAnnotation] = nameof(DatabaseEngine.MySql) },
        };
        var reader = (MySqlRowReader)Adapter.Reader;
        var rows = new List<object?[]>();
        await using (var transaction = await reader.BeginReadOnlyAsync(connection, CancellationToken.None))
        {
            await foreach (var row in reader.ReadRowsAsync(connection, transaction, table, CancellationToken.None)) rows.Add(row);
        }
        rows = rows.OrderBy(r => (long)r[0]!).ToList();
        Assert.Equal(new object?[] { 1L, null, null, null }, rows[0]);
        Assert.Equal(new object?[] { 2L, new DateOnly(2024, 2, 29), new DateTime(2024, 2, 29, 12, 34, 56), new TimeOnly(23, 59, 59) }, rows[1]);
        Assert.Equal(new object?[] { 3L, null, null, null }, rows[2]);
        Assert.Equal(3, reader.Warnings.Count);
        Assert.Contains(reader.Warnings, w => w.StartsWith("2 value(s) of", StringComparison.Ordinal) && w.Contains(".d (date)", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_hundred_thousand_rows_stream_through_MySqlBulkCopy()
    {
        const int count = 100_000;
        await using var db = await NewDatabaseAsync();
        await using var connection = await db.OpenAsync();
        var name = new QualifiedName(null, "big");
        var source = new DatabaseSchema
        {
            Engine = DatabaseEngine.Sqlite,
            Tables =
            [
                new TableSchema
                {
                    Name = name,
                    Columns =
                    [
                        Col(1, "id", LogicalType.Int64, nullable: false), Col(2, "label", LogicalType.String, length: 20), Col(3, "x", LogicalType.Float64),
                        Col(4, "at", LogicalType.DateTime), Col(5, "day", LogicalType.Date), Col(6, "amount", LogicalType.Decimal, precision: 12, scale: 2),
                    ],
                    PrimaryKey = new KeySchema(null, ["id"]),
                },
            ],
        };
        var target = await CreateAsync(connection, source);
        var produced = 0;
        async IAsyncEnumerable<object?[]> Generate()
        {
            var start = new DateTime(2020, 1, 1);
            for (var i = 1; i <= count; i++)
            {
                produced++;
                yield return [(long)i, "row " + i, i / 7.0, start.AddMinutes(i), DateOnly.FromDateTime(start).AddDays(i % 1000), i % 10 == 0 ? null : i / 100m];
                if (i % 10_000 == 0) await Task.Yield();
            }
        }
        var clock = Stopwatch.StartNew();
        var written = await Adapter.BulkWriter.WriteAsync(connection, target.Tables[0], Generate(), CancellationToken.None);
        clock.Stop();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{written} rows in {clock.Elapsed.TotalSeconds:F2} s ({written / clock.Elapsed.TotalSeconds:F0} rows/s)"));
        Assert.Equal(count, written);
        Assert.Equal(count, produced);
        Assert.Equal(count, await CountAsync(connection, "SELECT COUNT(*) FROM big"));
        Assert.Equal((long)count * (count + 1) / 2, await CountAsync(connection, "SELECT SUM(id) FROM big"));
        Assert.Equal(count / 10, await CountAsync(connection, "SELECT COUNT(*) FROM big WHERE amount IS NULL"));
        Assert.Equal(1000, await CountAsync(connection, "SELECT COUNT(DISTINCT day) FROM big"));
    }
    [SkippableFact]
    public async Task The_read_transaction_refuses_writes()
    {
        await using var db = await NewDatabaseAsync();
        await using var connection = await db.OpenAsync();
        await ExecAsync(connection, "CREATE TABLE t (id int PRIMARY KEY)");
        await using var transaction = await Adapter.Reader.BeginReadOnlyAsync(connection, CancellationToken.None);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO t VALUES (1)";
        await Assert.ThrowsAnyAsync<DbException>(() => insert.ExecuteNonQueryAsync());
    }

    [SkippableFact]
    public async Task A_table_with_a_year_column_loads_through_batched_inserts()
    {
        await using var db = await NewDatabaseAsync();
        await using var connection = await db.OpenAsync();
        var source = new DatabaseSchema
        {
            Engine = DatabaseEngine.MySql,
            Tables =
            [
                new TableSchema
                {
                    Name = new QualifiedName("src", "cars"),
                    Columns = [Native(1, "id", "int(11)", LogicalType.Int32, nullable: false), Native(2, "built", "year(4)", LogicalType.Int16), Native(3, "photo", "blob", LogicalType.Binary)],
                    PrimaryKey = new KeySchema("PRIMARY", ["id"]),
                },
            ],
        };
        var target = await CreateAsync(connection, source);
        Assert.Equal(1203, await Adapter.BulkWriter.WriteAsync(connection, target.Tables[0],
            Rows(Enumerable.Range(1, 1203).Select(i => new object?[] { (long)i, i % 7 == 0 ? null : 1901L + i % 255, new byte[] { (byte)i, 0, 255 } })), CancellationToken.None));
        Assert.Equal(1203, await CountAsync(connection, "SELECT COUNT(*) FROM cars"));
        var read = (await ReadAllAsync(connection, target.Tables[0])).OrderBy(r => (long)r[0]!).ToList();
        Assert.Equal(new object?[] { 10L, 1911L, new byte[] { 10, 0, 255 } }, read[9]);
        Assert.Null(read[6][1]);
    }
}
