using System.Data.Common;
using Microsoft.Data.Sqlite;
using Sdv.Connector.Engines;
using Sdv.Connector.Engines.Sqlite;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Writing;

/// <summary>The writer suite on SQLite (same engine), and SQLite's dynamic typing.</summary>
public sealed class SqliteWriterTests(SqliteFixture fixture) : WriterSuite<SqliteFixture>(fixture)
{
    private static ColumnSchema Lite(int ordinal, string name, string declared, LogicalType type, bool nullable = true) =>
        new() { Name = name, Ordinal = ordinal, NativeType = declared, LogicalType = type, IsNullable = nullable };

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    [SkippableFact]
    public async Task Values_stored_with_mismatched_types_read_back_canonically_and_unreadable_ones_warn_once_per_column()
    {
        await using var db = await NewDatabaseAsync();
        // Columns without a declared type keep every value exactly as inserted.
        await db.ExecuteAsync("""
            CREATE TABLE m (d, dt, dto, n, b, i, f, g, t)
            ;;
            INSERT INTO m VALUES ('2024-01-02', '2024-01-02 03:04:05', '2024-01-02T05:04:05+02:00', '12345678901234567.89', 'true', '42', '2.5', '0000000a-0000-0000-0000-000000000000', '07:08:09')
            ;;
            INSERT INTO m VALUES (2460311.5, 1704164645, 1704164645000, 7, 1, 42.0, 3, x'0a000000000000000000000000000000', 25689)
            ;;
            INSERT INTO m VALUES ('2024-01-02T00:00:00', '2024-01-02T03:04:05.250', '2024-01-02 03:04:05', 0.1, 'no', 'abc', '1e3', 'not a guid', '7:08')
            ;;
            INSERT INTO m VALUES ('someday', NULL, NULL, '1.5', 'maybe', NULL, NULL, NULL, NULL)
            """);
        var table = new TableSchema
        {
            Name = new QualifiedName(null, "m"),
            Columns =
            [
                Lite(1, "d", "", LogicalType.Date), Lite(2, "dt", "", LogicalType.DateTime), Lite(3, "dto", "", LogicalType.DateTimeWithTimeZone),
                Lite(4, "n", "", LogicalType.Decimal), Lite(5, "b", "", LogicalType.Boolean), Lite(6, "i", "", LogicalType.Int64),
                Lite(7, "f", "", LogicalType.Float64), Lite(8, "g", "", LogicalType.Uuid), Lite(9, "t", "", LogicalType.Time),
            ],
        };
        await using var connection = await db.OpenAsync();
        var reader = new SqliteRowReader();
        var transaction = await reader.BeginReadOnlyAsync(connection, CancellationToken.None);
        var rows = new List<object?[]>();
        await foreach (var row in reader.ReadRowsAsync(connection, transaction, table, CancellationToken.None)) rows.Add(row);
        await transaction!.DisposeAsync();

        var day = new DateOnly(2024, 1, 2);
        var at = new DateTime(2024, 1, 2, 3, 4, 5);
        var utc = new DateTimeOffset(at, TimeSpan.Zero);
        var guid = new Guid(10, 0, 0, new byte[8]);
        Assert.Equal(4, rows.Count);
        Assert.Equal([day, at, utc, 12345678901234567.89m, true, 42L, 2.5, guid, new TimeOnly(7, 8, 9)], rows[0]);
        Assert.Equal([day, at, utc, 7m, true, 42L, 3.0, guid, new TimeOnly(7, 8, 9)], rows[1]);
        Assert.Equal([day, at.AddMilliseconds(250), utc, 0.1m, false, null, 1000.0, null, new TimeOnly(7, 8)], rows[2]);
        Assert.Equal([null, null, null, 1.5m, null, null, null, null, null], rows[3]);
        Assert.Equal(4, reader.Warnings.Count);
        Assert.Contains(reader.Warnings, w => w.StartsWith("m.i: 1 stored value(s) could not be read as Int64", StringComparison.Ordinal) && w.Contains("'abc'", StringComparison.Ordinal));
        Assert.Contains(reader.Warnings, w => w.StartsWith("m.d: 1 ", StringComparison.Ordinal) && w.Contains("'someday'", StringComparison.Ordinal));
        Assert.Contains(reader.Warnings, w => w.StartsWith("m.b: 1 ", StringComparison.Ordinal) && w.Contains("'maybe'", StringComparison.Ordinal));
        Assert.Contains(reader.Warnings, w => w.StartsWith("m.g: 1 ", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Decimals_are_numbers_exact_to_fifteen_digits()
    {
        await using var db = await NewDatabaseAsync();
        await using var connection = await db.OpenAsync();
        var source = new DatabaseSchema
        {
            Engine = DatabaseEngine.PostgreSql,
            Tables =
            [
                new TableSchema
                {
                    Name = new QualifiedName("public", "amounts"),
                    Columns =
                    [
                        Lite(1, "id", "integer", LogicalType.Int32, false),
                        Lite(2, "v", "numeric(38,10)", LogicalType.Decimal) with { Precision = 38, Scale = 10 },
                        Lite(3, "small", "numeric(10,2)", LogicalType.Decimal) with { Precision = 10, Scale = 2 },
                    ],
                    PrimaryKey = new KeySchema("amounts_pkey", ["id"]),
                },
            ],
        };
        var target = SchemaMapper.ToTarget(source, DatabaseEngine.Sqlite, null, new List<string>());
        await Adapter.SchemaWriter.CreateTablesAsync(connection, target, CancellationToken.None);
        decimal[] values = [0.1m, 11.50m, 12345678901234567.89m, -9999999999999999999999999999m, 0.0000000001m, 123456789012345m, 1234567890123456m, 79228162514264337593543950335m, 0m];
        decimal[] small = [0.1m, 11.50m, -99999999.99m, 0.01m, 12345678.9m, 1m, 0m, 33.33m, -0.07m];
        await Adapter.BulkWriter.WriteAsync(connection, target.Tables[0], Rows(values.Select((v, i) => new object?[] { (long)i, v, small[i] })), CancellationToken.None);
        var read = (await ReadAllAsync(connection, target.Tables[0])).OrderBy(r => (long)r[0]!).ToList();
        // Numbers, as SQLite stores them: exact to 15 significant digits (and whole numbers to 2^63), then rounded.
        for (var i = 0; i < values.Length; i++)
        {
            var back = (decimal)read[i][1]!;
            Assert.True(Math.Abs(back - values[i]) <= Math.Abs(values[i]) * 1e-14m, $"{values[i]} came back as {back}");
        }
        Assert.Equal(values.Where(v => Math.Abs(v) < 1e15m), read.Select(r => (decimal)r[1]!).Where(v => Math.Abs(v) < 1e15m));
        Assert.Equal(small, read.Select(r => (decimal)r[2]!));
        Assert.Equal("NUMERIC(38,10)", await ScalarAsync(connection, "SELECT type FROM pragma_table_info('amounts') WHERE name = 'v'"));
        Assert.Equal("NUMERIC(10,2)", await ScalarAsync(connection, "SELECT type FROM pragma_table_info('amounts') WHERE name = 'small'"));
        Assert.Equal("real", await ScalarAsync(connection, "SELECT typeof(small) FROM amounts WHERE id = 0"));
        // Wide decimals compare and sort as numbers too (as text, 99.35 sorted after 397.2).
        Assert.Equal(0L, Convert.ToInt64(await ScalarAsync(connection, "SELECT COUNT(*) FROM amounts WHERE typeof(v) = 'text'"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(4L, Convert.ToInt64(await ScalarAsync(connection, "SELECT COUNT(*) FROM amounts WHERE v > 100"), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static DatabaseSchema GraphSchema()
    {
        QualifiedName dept = new(null, "dept"), emp = new(null, "emp");
        return new DatabaseSchema
        {
            Engine = DatabaseEngine.Sqlite,
            Tables =
            [
                new TableSchema
                {
                    Name = dept,
                    Columns = [Lite(1, "id", "INTEGER", LogicalType.Int64, false) with { Identity = IdentityKind.RowId, Annotations = new Dictionary<string, string> { ["sqlite:autoincrement"] = "true" } }, Lite(2, "boss_id", "INTEGER", LogicalType.Int64)],
                    PrimaryKey = new KeySchema(null, ["id"]),
                    ForeignKeys = [new ForeignKeySchema { Table = dept, Columns = ["boss_id"], PrincipalTable = emp, PrincipalColumns = ["id"], OnDelete = ReferentialAction.SetNull }],
                },
                new TableSchema
                {
                    Name = emp,
                    Columns = [Lite(1, "id", "INTEGER", LogicalType.Int64, false) with { Identity = IdentityKind.RowId }, Lite(2, "dept_id", "INTEGER", LogicalType.Int64, false), Lite(3, "manager_id", "INTEGER", LogicalType.Int64)],
                    PrimaryKey = new KeySchema(null, ["id"]),
                    ForeignKeys =
                    [
                        new ForeignKeySchema { Table = emp, Columns = ["dept_id"], PrincipalTable = dept, PrincipalColumns = ["id"] },
                        new ForeignKeySchema { Table = emp, Columns = ["manager_id"], PrincipalTable = emp, PrincipalColumns = ["id"] },
                    ],
                    Indexes = [new IndexSchema("emp_manager_ix", ["manager_id"], false)],
                },
            ],
        };
    }

    [SkippableFact]
    public async Task Cycles_and_self_references_load_in_any_order_and_foreign_keys_hold_afterwards()
    {
        await using var db = await NewDatabaseAsync();
        await using var connection = await db.OpenAsync();
        var schema = SchemaMapper.ToTarget(GraphSchema(), DatabaseEngine.Sqlite, null, new List<string>());
        await Adapter.SchemaWriter.CreateTablesAsync(connection, schema, CancellationToken.None);
        await Adapter.BulkWriter.WriteAsync(connection, schema.Table(new(null, "emp")), Rows([[1L, 1L, 4L], [2L, 1L, 1L], [3L, 7L, 1L], [4L, 7L, null]]), CancellationToken.None);
        await Adapter.BulkWriter.WriteAsync(connection, schema.Table(new(null, "dept")), Rows([[1L, 1L], [7L, 3L]]), CancellationToken.None);
        await Adapter.SchemaWriter.CreateForeignKeysAndIndexesAsync(connection, schema, CancellationToken.None);
        await Adapter.SchemaWriter.ResetIdentitiesAsync(connection, schema, CancellationToken.None);
        await Adapter.SchemaWriter.AnalyzeAsync(connection, schema, CancellationToken.None);

        Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA foreign_keys"));
        Assert.Equal(2L, await ScalarAsync(connection, "SELECT count(*) FROM pragma_foreign_key_list('emp')"));
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'emp_manager_ix'"));
        Assert.Equal(7L, await ScalarAsync(connection, "SELECT seq FROM sqlite_sequence WHERE name = 'dept'"));
        Assert.Equal(8L, await ScalarAsync(connection, "INSERT INTO dept (boss_id) VALUES (NULL) RETURNING id"));
        Assert.Equal(5L, await ScalarAsync(connection, "INSERT INTO emp (dept_id) VALUES (8) RETURNING id"));
        var orphan = await Assert.ThrowsAsync<SqliteException>(() => ScalarAsync(connection, "INSERT INTO emp (dept_id, manager_id) VALUES (1, 99)"));
        Assert.Equal(19, orphan.SqliteErrorCode); // SQLITE_CONSTRAINT
    }

    [SkippableFact]
    public async Task Orphan_rows_are_reported_by_foreign_key_check_with_a_clear_message()
    {
        await using var db = await NewDatabaseAsync();
        await using var connection = await db.OpenAsync();
        var schema = SchemaMapper.ToTarget(GraphSchema(), DatabaseEngine.Sqlite, null, new List<string>());
        await Adapter.SchemaWriter.CreateTablesAsync(connection, schema, CancellationToken.None);
        await Adapter.BulkWriter.WriteAsync(connection, schema.Table(new(null, "dept")), Rows([[1L, null]]), CancellationToken.None);
        await Adapter.BulkWriter.WriteAsync(connection, schema.Table(new(null, "emp")), Rows([[1L, 1L, null], [2L, 5L, null], [3L, 1L, 42L]]), CancellationToken.None);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Adapter.SchemaWriter.CreateForeignKeysAndIndexesAsync(connection, schema, CancellationToken.None));
        Assert.Contains("breaks 2 foreign key reference(s)", e.Message, StringComparison.Ordinal);
        Assert.Contains("emp rowid 2 -> dept", e.Message, StringComparison.Ordinal);
        Assert.Contains("emp rowid 3 -> emp", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Hostile_identifiers_are_written_and_read()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE x (id INTEGER)");
        await using var connection = await db.OpenAsync();
        QualifiedName parent = new(null, "a\"b; drop table x"), child = new(null, "c'd\"; --");
        var schema = new DatabaseSchema
        {
            Engine = DatabaseEngine.Sqlite,
            Tables =
            [
                new TableSchema
                {
                    Name = parent,
                    Columns = [Lite(1, "i\"d", "INTEGER", LogicalType.Int64, false), Lite(2, "v'al\"; drop table x", "TEXT", LogicalType.Text)],
                    PrimaryKey = new KeySchema("p\"k", ["i\"d"]),
                    UniqueKeys = [new KeySchema("u\"q", ["v'al\"; drop table x"])],
                },
                new TableSchema
                {
                    Name = child,
                    Columns = [Lite(1, "p\"id", "INTEGER", LogicalType.Int64)],
                    ForeignKeys = [new ForeignKeySchema { Name = "f\"k", Table = child, Columns = ["p\"id"], PrincipalTable = parent, PrincipalColumns = ["i\"d"] }],
                    Indexes = [new IndexSchema("i\"x; drop table x", ["p\"id"], false)],
                },
            ],
            Views = [new ViewSchema(new(null, "v\"w"), "SELECT \"v'al\"\"; drop table x\" FROM \"a\"\"b; drop table x\"")],
        };
        var target = SchemaMapper.ToTarget(schema, DatabaseEngine.Sqlite, null, new List<string>());
        await Adapter.SchemaWriter.CreateTablesAsync(connection, target, CancellationToken.None);
        await Adapter.BulkWriter.WriteAsync(connection, target.Table(parent), Rows([[1L, "it's \"quoted\"; drop table x"], [2L, null]]), CancellationToken.None);
        await Adapter.BulkWriter.WriteAsync(connection, target.Table(child), Rows([[1L], [2L], [null]]), CancellationToken.None);
        await Adapter.SchemaWriter.CreateForeignKeysAndIndexesAsync(connection, target, CancellationToken.None);
        Assert.Empty(await Adapter.SchemaWriter.CreateViewsAsync(connection, target, CancellationToken.None));
        await Adapter.SchemaWriter.ResetIdentitiesAsync(connection, target, CancellationToken.None);

        Assert.Equal([[1L, "it's \"quoted\"; drop table x"], [2L, null]], (await ReadAllAsync(connection, target.Table(parent))).OrderBy(r => (long)r[0]!).ToList());
        Assert.Equal(3, (await ReadAllAsync(connection, target.Table(child))).Count);
        Assert.Equal(2L, await ScalarAsync(connection, "SELECT count(*) FROM \"v\"\"w\""));
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM x"));
        await Adapter.SchemaWriter.DropTablesAsync(connection, [child, parent], CancellationToken.None);
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM x"));
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"));
    }

    [SkippableFact]
    public async Task Views_over_missing_tables_are_skipped_with_a_warning()
    {
        await using var db = await NewDatabaseAsync();
        var (schema, connection) = await CreateAndLoadAsync(db, parentRows: 4, childRows: 8);
        await using var _ = connection;
        var withViews = schema with
        {
            Views =
            [
                new ViewSchema(new(null, "big_children"), "CREATE VIEW big_children AS SELECT * FROM child WHERE amount > 3"),
                new ViewSchema(new(null, "orphan_view"), "CREATE VIEW orphan_view AS SELECT * FROM not_cloned"),
            ],
        };
        var warning = Assert.Single(await Adapter.SchemaWriter.CreateViewsAsync(connection, withViews, CancellationToken.None));
        Assert.Contains("orphan_view", warning, StringComparison.Ordinal);
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'view'"));
        Assert.Equal(5L, await ScalarAsync(connection, "SELECT count(*) FROM big_children"));
    }
}
