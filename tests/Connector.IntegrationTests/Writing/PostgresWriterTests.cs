using System.Data.Common;
using Npgsql;
using Sdv.Connector.Engines;
using Sdv.Connector.Engines.PostgreSql;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Writing;

/// <summary>The writer suite on PostgreSQL (schema from SQLite), and what only PostgreSQL has: a same-engine faithful copy.</summary>
public sealed class PostgresWriterTests(PostgresFixture fixture) : WriterSuite<PostgresFixture>(fixture)
{
    private static readonly QualifiedName Mood = new("app", "mood");
    private static readonly QualifiedName PosInt = new("app", "posint");
    private static readonly QualifiedName Email = new("app", "email");
    private static readonly QualifiedName Things = new("app", "things");
    private static readonly QualifiedName Bag = new("app", "bag");
    private static readonly QualifiedName Counters = new("app", "counters");

    private static ColumnSchema Pg(int ordinal, string name, string native, LogicalType type, bool nullable = true) =>
        new() { Name = name, Ordinal = ordinal, NativeType = native, LogicalType = type, IsNullable = nullable };

    /// <summary>As the PostgreSQL introspector describes it: enum, domains, jsonb, arrays, identity, serial, a check and a generated column.</summary>
    private static DatabaseSchema FaithfulSchema() => new()
    {
        Engine = DatabaseEngine.PostgreSql,
        UserTypes =
        [
            new UserTypeSchema(Mood) { EnumValues = ["sad", "ok", "happy"] },
            new UserTypeSchema(PosInt) { BaseType = "integer", Checks = ["CHECK (VALUE > 0)"] },
            new UserTypeSchema(Email) { BaseType = "text", Checks = ["CHECK (VALUE ~~ '%@%'::text)"] },
        ],
        Tables =
        [
            new TableSchema
            {
                Name = Things,
                Columns =
                [
                    Pg(1, "id", "bigint", LogicalType.Int64, nullable: false) with
                    {
                        Identity = IdentityKind.Identity,
                        Annotations = new Dictionary<string, string> { ["postgresql:identity"] = "always" },
                    },
                    Pg(2, "mood", "app.mood", LogicalType.Enum) with { UserType = Mood, EnumValues = ["sad", "ok", "happy"] },
                    Pg(3, "qty", "app.posint", LogicalType.Int32, nullable: false) with { UserType = PosInt },
                    Pg(4, "contact", "app.email", LogicalType.String) with { UserType = Email },
                    Pg(5, "doc", "jsonb", LogicalType.Json),
                    Pg(6, "price", "numeric(8,2)", LogicalType.Decimal) with { Precision = 8, Scale = 2, DefaultSql = "0.00" },
                    Pg(7, "total", "numeric", LogicalType.Decimal) with { GeneratedSql = "price * qty::numeric" },
                    Pg(8, "seen", "timestamp with time zone", LogicalType.DateTimeWithTimeZone),
                    Pg(9, "span", "interval", LogicalType.Interval),
                ],
                PrimaryKey = new KeySchema("things_pkey", ["id"]),
                CheckConstraints = [new CheckConstraintSchema("price_not_negative", "CHECK (price >= 0::numeric)")],
                Indexes = [new IndexSchema("things_mood_idx", ["mood"], false) { Definition = "CREATE INDEX things_mood_idx ON app.things USING btree (mood)" }],
            },
            new TableSchema
            {
                Name = Bag,
                Columns =
                [
                    Pg(1, "id", "integer", LogicalType.Int32, nullable: false),
                    Pg(2, "tags", "text[]", LogicalType.Array) with { ElementType = "text" },
                    Pg(3, "moods", "app.mood[]", LogicalType.Array) with { UserType = Mood },
                    Pg(4, "ip", "inet", LogicalType.Network),
                    Pg(5, "period", "int4range", LogicalType.Range),
                    Pg(6, "note", "text", LogicalType.Text),
                ],
                PrimaryKey = new KeySchema("bag_pkey", ["id"]),
            },
            new TableSchema
            {
                Name = Counters,
                Columns =
                [
                    Pg(1, "id", "integer", LogicalType.Int32, nullable: false) with { Identity = IdentityKind.Serial, DefaultSql = "nextval('app.counters_id_seq'::regclass)" },
                    Pg(2, "label", "character varying(20)", LogicalType.String) with { MaxLength = 20 },
                ],
                PrimaryKey = new KeySchema("counters_pkey", ["id"]),
            },
        ],
    };

    private static readonly DateTimeOffset Seen = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    private static object?[] ThingRow(long id) =>
        [id, id % 2 == 0 ? "happy" : "sad", id, $"user{id}@example.org", "{\"a\": 1, \"b\": [true, null]}", 1.25m * id, null, Seen.AddHours(id), TimeSpan.FromMinutes(90 + id)];

    // Arrays in their canonical form, a JSON array (what the reader gives and the sampler produces);
    // the writer turns it into PostgreSQL's array literal. Row 2's moods is a PostgreSQL literal, as an
    // older model holds it, which the writer passes on unchanged.
    private static readonly object?[][] BagRows =
    [
        [1L, "[\"x\",\"y z\"]", "[\"sad\",\"happy\"]", "10.0.0.1", "[1,5)", "tab\there\nnew line \\ backslash"],
        [2L, null, "{}", "192.168.1.0/24", null, null],
    ];

    private async Task<(DatabaseSchema Schema, DbConnection Connection)> CreateFaithfulAsync(TestDatabase db)
    {
        var connection = await db.OpenAsync();
        var schema = SchemaMapper.ToTarget(FaithfulSchema(), DatabaseEngine.PostgreSql, "public", new List<string>());
        await Adapter.SchemaWriter.CreateTablesAsync(connection, schema, CancellationToken.None);
        Assert.Equal(3, await Adapter.BulkWriter.WriteAsync(connection, schema.Table(Things), Rows(Enumerable.Range(1, 3).Select(i => ThingRow(i))), CancellationToken.None));
        Assert.Equal(2, await Adapter.BulkWriter.WriteAsync(connection, schema.Table(Bag), Rows(BagRows), CancellationToken.None));
        Assert.Equal(2, await Adapter.BulkWriter.WriteAsync(connection, schema.Table(Counters), Rows([[5L, "five"], [9L, "nine"]]), CancellationToken.None));
        await Adapter.SchemaWriter.CreateForeignKeysAndIndexesAsync(connection, schema, CancellationToken.None);
        await Adapter.SchemaWriter.ResetIdentitiesAsync(connection, schema, CancellationToken.None);
        await Adapter.SchemaWriter.AnalyzeAsync(connection, schema, CancellationToken.None);
        return (schema, connection);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    [SkippableFact]
    public async Task Same_engine_copy_keeps_enums_domains_jsonb_arrays_and_exotics()
    {
        await using var db = await NewDatabaseAsync();
        var (schema, connection) = await CreateFaithfulAsync(db);
        await using var _ = connection;

        Assert.Equal("sad,ok,happy", await ScalarAsync(connection, "SELECT string_agg(enumlabel::text, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = 'app.mood'::regtype"));
        Assert.Equal("app.mood", await ScalarAsync(connection, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'app.things'::regclass AND attname = 'mood'"));
        Assert.Equal("app.posint", await ScalarAsync(connection, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'app.things'::regclass AND attname = 'qty'"));
        Assert.Equal("jsonb", await ScalarAsync(connection, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'app.things'::regclass AND attname = 'doc'"));
        Assert.Equal("app.mood[]", await ScalarAsync(connection, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'app.bag'::regclass AND attname = 'moods'"));
        Assert.Equal("int4range", await ScalarAsync(connection, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'app.bag'::regclass AND attname = 'period'"));
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT count(*) FROM pg_indexes WHERE schemaname = 'app' AND indexname = 'things_mood_idx'"));

        var things = (await ReadAllAsync(connection, schema.Table(Things))).OrderBy(r => (long)r[0]!).ToList();
        Assert.Equal(3, things.Count);
        for (var i = 0; i < 3; i++)
        {
            var expected = ThingRow(i + 1);
            expected[6] = 1.25m * (i + 1) * (i + 1); // the generated column, computed by PostgreSQL
            Assert.Equal(expected, things[i]);
        }
        var bag = (await ReadAllAsync(connection, schema.Table(Bag))).OrderBy(r => (long)r[0]!).ToList();
        Assert.Equal(BagRows[0], bag[0]);
        Assert.Equal([2L, null, "[]", "192.168.1.0/24", null, null], bag[1]);
        // In the clone itself they are PostgreSQL arrays of the source's types, not JSON text.
        Assert.Equal("text[]", await ScalarAsync(connection, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'app.bag'::regclass AND attname = 'tags'"));
        Assert.Equal("{x,\"y z\"}", await ScalarAsync(connection, "SELECT tags::text FROM app.bag WHERE id = 1"));
        Assert.Equal("y z", await ScalarAsync(connection, "SELECT tags[2] FROM app.bag WHERE id = 1"));
        Assert.Equal("{sad,happy}", await ScalarAsync(connection, "SELECT moods::text FROM app.bag WHERE id = 1"));
        Assert.Equal("{}", await ScalarAsync(connection, "SELECT moods::text FROM app.bag WHERE id = 2"));
        Assert.Equal(2, await ScalarAsync(connection, "SELECT array_length(moods, 1) FROM app.bag WHERE id = 1"));
        Assert.Equal("happy", await ScalarAsync(connection, "SELECT moods[2]::text FROM app.bag WHERE id = 1"));
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT (doc->>'a')::int8 FROM app.things WHERE id = 1"));
    }

    [SkippableFact]
    public async Task Same_engine_copy_enforces_domain_and_table_checks_and_resets_identity_and_serial()
    {
        await using var db = await NewDatabaseAsync();
        var (_, connection) = await CreateFaithfulAsync(db);
        await using var __ = connection;

        // New rows take the next key: identity past 3 (and GENERATED ALWAYS again, as in the source), serial past 9.
        Assert.Equal(4L, await ScalarAsync(connection, "INSERT INTO app.things (qty, price) VALUES (2, 3.50) RETURNING id"));
        Assert.Equal(7.00m, await ScalarAsync(connection, "SELECT total FROM app.things WHERE id = 4"));
        Assert.Equal(0.00m, await ScalarAsync(connection, "INSERT INTO app.things (qty) VALUES (1) RETURNING price"));
        Assert.Equal("a", (await ScalarAsync(connection, "SELECT attidentity::text FROM pg_attribute WHERE attrelid = 'app.things'::regclass AND attname = 'id'"))?.ToString());
        Assert.Equal(10, await ScalarAsync(connection, "INSERT INTO app.counters (label) VALUES ('ten') RETURNING id"));
        Assert.Equal("d", (await ScalarAsync(connection, "SELECT attidentity::text FROM pg_attribute WHERE attrelid = 'app.counters'::regclass AND attname = 'id'"))?.ToString());

        // Failed inserts come after: each one takes a value from the identity's sequence.
        var domainViolation = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(connection, "INSERT INTO app.things (qty) VALUES (0)"));
        Assert.Equal(PostgresErrorCodes.CheckViolation, domainViolation.SqlState);
        var checkViolation = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(connection, "INSERT INTO app.things (qty, price) VALUES (1, -1)"));
        Assert.Equal("price_not_negative", checkViolation.ConstraintName);
        var enumViolation = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(connection, "INSERT INTO app.things (qty, mood) VALUES (1, 'angry')"));
        Assert.Equal(PostgresErrorCodes.InvalidTextRepresentation, enumViolation.SqlState);
    }

    /// <summary>dept ⇄ emp (a cycle), emp → emp (manager), office → region on a two-column key.</summary>
    private static DatabaseSchema GraphSchema()
    {
        QualifiedName dept = new("public", "dept"), emp = new("public", "emp"), region = new("public", "region"), office = new("public", "office");
        return new DatabaseSchema
        {
            Engine = DatabaseEngine.PostgreSql,
            Tables =
            [
                new TableSchema
                {
                    Name = dept,
                    Columns = [Pg(1, "id", "integer", LogicalType.Int32, false), Pg(2, "boss_id", "integer", LogicalType.Int32)],
                    PrimaryKey = new KeySchema("dept_pkey", ["id"]),
                    ForeignKeys = [new ForeignKeySchema { Name = "dept_boss_fk", Table = dept, Columns = ["boss_id"], PrincipalTable = emp, PrincipalColumns = ["id"], OnDelete = ReferentialAction.SetNull }],
                },
                new TableSchema
                {
                    Name = emp,
                    Columns = [Pg(1, "id", "integer", LogicalType.Int32, false), Pg(2, "dept_id", "integer", LogicalType.Int32, false), Pg(3, "manager_id", "integer", LogicalType.Int32)],
                    PrimaryKey = new KeySchema("emp_pkey", ["id"]),
                    ForeignKeys =
                    [
                        new ForeignKeySchema { Name = "emp_dept_fk", Table = emp, Columns = ["dept_id"], PrincipalTable = dept, PrincipalColumns = ["id"], OnDelete = ReferentialAction.Cascade },
                        new ForeignKeySchema { Name = "emp_manager_fk", Table = emp, Columns = ["manager_id"], PrincipalTable = emp, PrincipalColumns = ["id"] },
                    ],
                },
                new TableSchema
                {
                    Name = region,
                    Columns = [Pg(1, "country", "character(2)", LogicalType.FixedString, false) with { MaxLength = 2 }, Pg(2, "code", "integer", LogicalType.Int32, false)],
                    PrimaryKey = new KeySchema("region_pkey", ["country", "code"]),
                },
                new TableSchema
                {
                    Name = office,
                    Columns = [Pg(1, "id", "integer", LogicalType.Int32, false), Pg(2, "code", "integer", LogicalType.Int32), Pg(3, "country", "character(2)", LogicalType.FixedString) with { MaxLength = 2 }],
                    PrimaryKey = new KeySchema("office_pkey", ["id"]),
                    ForeignKeys = [new ForeignKeySchema { Name = "office_region_fk", Table = office, Columns = ["country", "code"], PrincipalTable = region, PrincipalColumns = ["country", "code"] }],
                },
            ],
        };
    }

    [SkippableFact]
    public async Task Composite_self_referencing_and_cyclic_foreign_keys_are_added_after_the_load_and_validated()
    {
        await using var db = await NewDatabaseAsync();
        await using var connection = await db.OpenAsync();
        var schema = SchemaMapper.ToTarget(GraphSchema(), DatabaseEngine.PostgreSql, "public", new List<string>());
        var writer = Adapter.SchemaWriter;
        await writer.CreateTablesAsync(connection, schema, CancellationToken.None);
        // Children before parents, managers after their reports: only constraints added after the load allow this.
        await Adapter.BulkWriter.WriteAsync(connection, schema.Table(new("public", "emp")), Rows([[1L, 1L, 4L], [2L, 1L, 1L], [3L, 2L, 1L], [4L, 2L, null]]), CancellationToken.None);
        await Adapter.BulkWriter.WriteAsync(connection, schema.Table(new("public", "dept")), Rows([[1L, 1L], [2L, 3L]]), CancellationToken.None);
        await Adapter.BulkWriter.WriteAsync(connection, schema.Table(new("public", "office")), Rows([[1L, 10L, "FR"], [2L, 20L, "DE"], [3L, null, null]]), CancellationToken.None);
        await Adapter.BulkWriter.WriteAsync(connection, schema.Table(new("public", "region")), Rows([["FR", 10L], ["DE", 20L], ["DE", 10L]]), CancellationToken.None);
        await writer.CreateForeignKeysAndIndexesAsync(connection, schema, CancellationToken.None);

        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT conname::text, convalidated, confdeltype::text, array_to_string(ARRAY(SELECT attname FROM unnest(conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = conrelid AND a.attnum = k.n ORDER BY k.o), ',')
                FROM pg_constraint WHERE contype = 'f' ORDER BY conname
                """;
            await using var reader = await command.ExecuteReaderAsync();
            var found = new List<string>();
            while (await reader.ReadAsync()) found.Add($"{reader.GetString(0)} {reader.GetBoolean(1)} {reader.GetString(2)} {reader.GetString(3)}");
            Assert.Equal(
            [
                "dept_boss_fk True n boss_id",
                "emp_dept_fk True c dept_id",
                "emp_manager_fk True a manager_id",
                "office_region_fk True a country,code",
            ], found);
        }
        foreach (var orphan in new[]
        {
            "INSERT INTO office VALUES (9, 20, 'FR')",
            "INSERT INTO emp VALUES (9, 1, 99)",
            "INSERT INTO dept VALUES (9, 99)",
        })
        {
            var e = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(connection, orphan));
            Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, e.SqlState);
        }
        Assert.Equal(1L, await ScalarAsync(connection, "INSERT INTO office VALUES (9, 10, 'DE') RETURNING 1::int8"));
    }

    [SkippableFact]
    public async Task Loading_orphans_fails_when_foreign_keys_are_added()
    {
        await using var db = await NewDatabaseAsync();
        await using var connection = await db.OpenAsync();
        var schema = SchemaMapper.ToTarget(GraphSchema(), DatabaseEngine.PostgreSql, "public", new List<string>());
        await Adapter.SchemaWriter.CreateTablesAsync(connection, schema, CancellationToken.None);
        await Adapter.BulkWriter.WriteAsync(connection, schema.Table(new("public", "office")), Rows([[1L, 10L, "FR"]]), CancellationToken.None);
        var e = await Assert.ThrowsAsync<PostgresException>(() => Adapter.SchemaWriter.CreateForeignKeysAndIndexesAsync(connection, schema, CancellationToken.None));
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, e.SqlState);
    }

    [SkippableFact]
    public async Task Views_over_cloned_tables_are_created_and_others_skipped_with_a_warning()
    {
        await using var db = await NewDatabaseAsync();
        var (schema, connection) = await CreateFaithfulAsync(db);
        await using var _ = connection;
        var withViews = schema with
        {
            Views =
            [
                new ViewSchema(new("app", "happy_things"), " SELECT id, qty FROM app.things WHERE mood = 'happy'::app.mood;"),
                new ViewSchema(new("app", "happy_count"), " SELECT count(*) AS n FROM app.happy_things"),
                new ViewSchema(new("app", "gone_view"), " SELECT id FROM app.not_cloned"),
            ],
        };
        var warnings = await Adapter.SchemaWriter.CreateViewsAsync(connection, withViews, CancellationToken.None);
        var warning = Assert.Single(warnings);
        Assert.Contains("app.gone_view", warning, StringComparison.Ordinal);
        Assert.Contains("not_cloned", warning, StringComparison.Ordinal);
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT n FROM app.happy_count"));
        Assert.Equal(2L, await ScalarAsync(connection, "SELECT count(*) FROM pg_views WHERE schemaname = 'app'"));
    }

    [SkippableFact]
    public async Task Drop_tables_removes_them_with_their_views_and_a_second_create_succeeds()
    {
        await using var db = await NewDatabaseAsync();
        var (schema, connection) = await CreateFaithfulAsync(db);
        await using var _ = connection;
        await Adapter.SchemaWriter.CreateViewsAsync(connection, schema with { Views = [new ViewSchema(new("app", "v"), "SELECT * FROM app.things")] }, CancellationToken.None);
        await Adapter.SchemaWriter.DropTablesAsync(connection, schema.Tables.Select(t => t.Name).ToList(), CancellationToken.None);
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'app' AND c.relkind IN ('r', 'v')"));
        await Adapter.SchemaWriter.CreateTablesAsync(connection, schema, CancellationToken.None);
        Assert.Equal(3L, await ScalarAsync(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = 'app'"));
    }

    [SkippableFact]
    public async Task Reader_runs_in_a_read_only_repeatable_read_transaction()
    {
        await using var db = await NewDatabaseAsync();
        var (schema, connection) = await CreateFaithfulAsync(db);
        await using var _ = connection;
        await using var transaction = await Adapter.Reader.BeginReadOnlyAsync(connection, CancellationToken.None);
        Assert.Equal("repeatable read", await ScalarAsync(connection, "SHOW transaction_isolation"));
        var e = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(connection, "DELETE FROM app.counters"));
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, e.SqlState);
        Assert.NotNull(schema);
    }

    [SkippableFact]
    public async Task Hostile_identifiers_are_quoted_everywhere()
    {
        await using var db = await NewDatabaseAsync();
        await using var connection = await db.OpenAsync();
        await ScalarAsync(connection, "CREATE TABLE x (id int)");
        QualifiedName parent = new("we\"ird; drop table x; --", "a\"b; drop table x"), child = new("public", "c'd\"");
        var schema = new DatabaseSchema
        {
            Engine = DatabaseEngine.PostgreSql,
            UserTypes = [new UserTypeSchema(new("we\"ird; drop table x; --", "e\"n'um")) { EnumValues = ["it's", "a \"b\""] }],
            Tables =
            [
                new TableSchema
                {
                    Name = parent,
                    Columns =
                    [
                        Pg(1, "i\"d", "bigint", LogicalType.Int64, false) with { Identity = IdentityKind.Identity },
                        Pg(2, "v'al", "\"we\"\"ird; drop table x; --\".\"e\"\"n'um\"", LogicalType.Enum) with { UserType = new("we\"ird; drop table x; --", "e\"n'um") },
                    ],
                    PrimaryKey = new KeySchema("p\"k", ["i\"d"]),
                },
                new TableSchema
                {
                    Name = child,
                    Columns = [Pg(1, "p\"id", "bigint", LogicalType.Int64)],
                    ForeignKeys = [new ForeignKeySchema { Name = "f\"k", Table = child, Columns = ["p\"id"], PrincipalTable = parent, PrincipalColumns = ["i\"d"] }],
                    Indexes = [new IndexSchema("i\"x", ["p\"id"], false)],
                },
            ],
        };
        var target = SchemaMapper.ToTarget(schema, DatabaseEngine.PostgreSql, "public", new List<string>());
        await Adapter.SchemaWriter.CreateTablesAsync(connection, target, CancellationToken.None);
        await Adapter.BulkWriter.WriteAsync(connection, target.Table(parent), Rows([[1L, "it's"], [2L, "a \"b\""]]), CancellationToken.None);
        await Adapter.BulkWriter.WriteAsync(connection, target.Table(child), Rows([[1L], [2L], [null]]), CancellationToken.None);
        await Adapter.SchemaWriter.CreateForeignKeysAndIndexesAsync(connection, target, CancellationToken.None);
        await Adapter.SchemaWriter.ResetIdentitiesAsync(connection, target, CancellationToken.None);
        await Adapter.SchemaWriter.AnalyzeAsync(connection, target, CancellationToken.None);
        var rows = (await ReadAllAsync(connection, target.Table(parent))).OrderBy(r => (long)r[0]!).ToList();
        Assert.Equal([[1L, "it's"], [2L, "a \"b\""]], rows);
        Assert.Equal(3, (await ReadAllAsync(connection, target.Table(child))).Count);
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM x"));
        var d = PostgreSqlDialect.Instance;
        Assert.Equal(3L, await ScalarAsync(connection, $"INSERT INTO {d.Quote(parent)} ({d.Quote("v'al")}) VALUES ('it''s') RETURNING {d.Quote("i\"d")}"));
        await Adapter.SchemaWriter.DropTablesAsync(connection, [child, parent], CancellationToken.None);
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM x"));
    }
}
