using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Introspection;

public sealed class SqliteIntrospectionTests(SqliteFixture fixture) : IntrospectionSuite<SqliteFixture>(fixture)
{
    protected override string? DefaultSchema(TestDatabase database) => null;

    /// <summary>
    /// SQLite has no ALTER TABLE ADD CONSTRAINT. A foreign key changes no stored row, so SQLite's documented
    /// procedure for such changes (https://www.sqlite.org/lang_altertable.html, section 7) applies: edit the
    /// stored CREATE text with writable_schema, then bump schema_version so every connection re-reads it.
    /// </summary>
    protected override string AddForeignKeyDdl(string table, string name, string column, string parent, string parentColumn)
    {
        var constraint = $", CONSTRAINT {Q(name)} FOREIGN KEY ({Q(column)}) REFERENCES {Q(parent)} ({Q(parentColumn)}))";
        return $"""
            PRAGMA writable_schema = ON
            ;;
            UPDATE sqlite_master SET sql = substr(rtrim(sql), 1, length(rtrim(sql)) - 1) || '{constraint.Replace("'", "''", StringComparison.Ordinal)}'
            WHERE type = 'table' AND name = '{table.Replace("'", "''", StringComparison.Ordinal)}'
            ;;
            PRAGMA writable_schema = OFF
            """;
    }

    [SkippableFact]
    public async Task Maps_declared_types_by_affinity_and_keeps_the_declared_text()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TABLE t (a INT, b INTEGER, c TINYINT, d BIGINT, e NVARCHAR(120), f VARCHAR(255), g CHAR(3), h TEXT, i CLOB,
              j BLOB, k REAL, l DOUBLE PRECISION, m FLOAT, n NUMERIC(10,2), o DECIMAL(5), p BOOLEAN, q DATE, r DATETIME,
              s, u WEIRDTYPE, w UNSIGNED BIG INT, x SMALLINT, y CHARINT)
            """);
        var schema = await IntrospectAsync(db);
        var t = Assert.Single(schema.Tables);
        (string Column, LogicalType Type, string Affinity)[] expected =
        [
            ("a", LogicalType.Int32, "INTEGER"), ("b", LogicalType.Int64, "INTEGER"), ("c", LogicalType.Int8, "INTEGER"),
            ("d", LogicalType.Int64, "INTEGER"), ("e", LogicalType.String, "TEXT"), ("f", LogicalType.String, "TEXT"),
            ("g", LogicalType.FixedString, "TEXT"), ("h", LogicalType.Text, "TEXT"), ("i", LogicalType.Text, "TEXT"),
            ("j", LogicalType.Binary, "BLOB"), ("k", LogicalType.Float64, "REAL"), ("l", LogicalType.Float64, "REAL"),
            ("m", LogicalType.Float64, "REAL"), ("n", LogicalType.Decimal, "NUMERIC"), ("o", LogicalType.Decimal, "NUMERIC"),
            ("p", LogicalType.Boolean, "NUMERIC"), ("q", LogicalType.Date, "NUMERIC"), ("r", LogicalType.DateTime, "NUMERIC"),
            // No declared type: typed by what it holds (nothing here: text).
            ("s", LogicalType.Text, "BLOB"), ("u", LogicalType.Other, "NUMERIC"), ("w", LogicalType.Int64, "INTEGER"),
            ("x", LogicalType.Int16, "INTEGER"),
            // CHARINT holds INT, and the INTEGER rule comes first (the example in SQLite's own documentation).
            ("y", LogicalType.Int64, "INTEGER"),
        ];
        foreach (var (column, type, affinity) in expected)
        {
            Assert.True(type == t.Column(column).LogicalType, $"{column}: expected {type}, got {t.Column(column).LogicalType}");
            Assert.Equal(affinity, t.Column(column).Annotations["sqlite:affinity"]);
        }
        Assert.Equal("NVARCHAR(120)", t.Column("e").NativeType);
        Assert.Equal(120, t.Column("e").MaxLength);
        Assert.Equal(255, t.Column("f").MaxLength);
        Assert.Equal(3, t.Column("g").MaxLength);
        Assert.Null(t.Column("h").MaxLength);
        Assert.Equal((10, 2), (t.Column("n").Precision, t.Column("n").Scale));
        Assert.Equal((5, 0), (t.Column("o").Precision, t.Column("o").Scale));
        Assert.Equal(string.Empty, t.Column("s").NativeType);
        Assert.Equal(2, schema.Warnings.Count);
        Assert.Contains(schema.Warnings, w => w.Contains("t.s", StringComparison.Ordinal) && w.Contains("no declared type", StringComparison.Ordinal));
        Assert.Contains(schema.Warnings, w => w.Contains("WEIRDTYPE", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Integer_primary_key_is_the_rowid_and_other_keys_are_not()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TABLE alias (id INTEGER PRIMARY KEY, v TEXT)
            ;;
            CREATE TABLE counter (id integer PRIMARY KEY AUTOINCREMENT, v TEXT)
            ;;
            CREATE TABLE not_alias (id INT PRIMARY KEY, v TEXT)
            ;;
            CREATE TABLE no_rowid (id INTEGER PRIMARY KEY, v TEXT) WITHOUT ROWID
            ;;
            CREATE TABLE composite (a INTEGER, b INTEGER, PRIMARY KEY (b, a))
            """);
        var schema = await IntrospectAsync(db);
        var alias = schema.Table(N(db, "alias")).Column("id");
        Assert.Equal(IdentityKind.RowId, alias.Identity);
        Assert.False(alias.IsNullable);
        Assert.False(alias.Annotations.ContainsKey("sqlite:autoincrement"));
        var counter = schema.Table(N(db, "counter")).Column("id");
        Assert.Equal(IdentityKind.RowId, counter.Identity);
        Assert.Equal("true", counter.Annotations["sqlite:autoincrement"]);
        Assert.Equal(IdentityKind.None, schema.Table(N(db, "not_alias")).Column("id").Identity);
        var noRowId = schema.Table(N(db, "no_rowid"));
        Assert.Equal(IdentityKind.None, noRowId.Column("id").Identity);
        Assert.False(noRowId.Column("id").IsNullable);
        Assert.Equal("true", noRowId.Annotations["sqlite:without_rowid"]);
        var composite = schema.Table(N(db, "composite"));
        Assert.Equal(["b", "a"], composite.PrimaryKey!.Columns);
        Assert.All(composite.Columns, c => Assert.Equal(IdentityKind.None, c.Identity));
        // sqlite_sequence (made by AUTOINCREMENT) is SQLite's own table, not the user's.
        Assert.Equal(5, schema.Tables.Count);
    }

    [SkippableFact]
    public async Task Reads_check_constraints_from_the_create_text()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync(""""
            CREATE TABLE item (
              id INTEGER PRIMARY KEY,
              qty INTEGER NOT NULL CHECK (qty >= 0) DEFAULT 1,
              status TEXT CONSTRAINT ck_status CHECK (status IN ('a,b', 'c)', 'it''s')),
              -- a comment with a CHECK (x) inside
              name TEXT /* CHECK (y) */ CHECK(length(trim(name, ' ')) > (1 + (2 * 0))),
              "odd, ""name""" REAL,
              CONSTRAINT "ck, two" CHECK ("odd, ""name""" < 10 OR (qty = 0 AND status = ')'))
            )
            """");
        var item = Assert.Single((await IntrospectAsync(db)).Tables);
        Assert.Equal(
        [
            new CheckConstraintSchema(null, "qty >= 0"),
            new CheckConstraintSchema("ck_status", "status IN ('a,b', 'c)', 'it''s')"),
            new CheckConstraintSchema(null, "length(trim(name, ' ')) > (1 + (2 * 0))"),
            new CheckConstraintSchema("ck, two", "\"odd, \"\"name\"\"\" < 10 OR (qty = 0 AND status = ')')"),
        ], item.CheckConstraints);
        Assert.Equal(["id", "qty", "status", "name", "odd, \"name\""], item.Columns.Select(c => c.Name));
        Assert.Equal("1", item.Column("qty").DefaultSql);
    }

    [SkippableFact]
    public async Task Tells_unique_constraints_from_unique_indexes()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TABLE account (id INTEGER PRIMARY KEY, sku TEXT, email TEXT, code TEXT UNIQUE, region TEXT, deleted INTEGER,
              CONSTRAINT uq_sku UNIQUE (sku, region))
            ;;
            CREATE UNIQUE INDEX ux_email ON account (email)
            ;;
            CREATE UNIQUE INDEX ux_live_region ON account (region) WHERE deleted = 0
            ;;
            CREATE INDEX ix_lower_email ON account (lower(email))
            ;;
            CREATE INDEX ix_region_deleted ON account (region, deleted)
            """);
        var account = Assert.Single((await IntrospectAsync(db)).Tables);
        var keys = account.UniqueKeys.OrderBy(k => k.Columns[0], StringComparer.Ordinal).ToList();
        Assert.Equal(3, keys.Count);
        Assert.Equal((null, false), (keys[0].Name, keys[0].IsIndex));
        Assert.Equal(["code"], keys[0].Columns);
        Assert.Equal(("ux_email", true), (keys[1].Name, keys[1].IsIndex));
        Assert.Equal(["email"], keys[1].Columns);
        Assert.Equal(("uq_sku", false), (keys[2].Name, keys[2].IsIndex));
        Assert.Equal(["sku", "region"], keys[2].Columns);

        var indexes = account.Indexes.OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(["ix_lower_email", "ix_region_deleted", "ux_live_region"], indexes.Select(i => i.Name));
        Assert.Equal(["(expression)"], indexes[0].Columns);
        Assert.Contains("lower(email)", indexes[0].Definition, StringComparison.Ordinal);
        Assert.Equal(["region", "deleted"], indexes[1].Columns);
        Assert.True(indexes[2].IsUnique);
        Assert.Equal("deleted = 0", indexes[2].Filter);
    }

    [SkippableFact]
    public async Task Reads_generated_columns_collations_and_defaults()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TABLE line (id INTEGER PRIMARY KEY, price REAL NOT NULL DEFAULT 0.5, qty INTEGER DEFAULT (1 + 1),
              name TEXT COLLATE NOCASE, created TEXT DEFAULT CURRENT_TIMESTAMP,
              total REAL GENERATED ALWAYS AS (price * (qty + 0)) STORED,
              shout TEXT AS (upper(name)))
            """);
        var line = Assert.Single((await IntrospectAsync(db)).Tables);
        Assert.Equal(["id", "price", "qty", "name", "created", "total", "shout"], line.Columns.Select(c => c.Name));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], line.Columns.Select(c => c.Ordinal));
        Assert.Equal("price * (qty + 0)", line.Column("total").GeneratedSql);
        Assert.Equal("stored", line.Column("total").Annotations["sqlite:generated"]);
        Assert.Equal("upper(name)", line.Column("shout").GeneratedSql);
        Assert.Equal("virtual", line.Column("shout").Annotations["sqlite:generated"]);
        Assert.Null(line.Column("name").GeneratedSql);
        Assert.Equal("NOCASE", line.Column("name").Collation);
        Assert.Equal("0.5", line.Column("price").DefaultSql);
        Assert.Equal("1 + 1", line.Column("qty").DefaultSql);
        Assert.Equal("CURRENT_TIMESTAMP", line.Column("created").DefaultSql);
    }

    [SkippableFact]
    public async Task Foreign_key_without_parent_columns_refers_to_the_parent_key_in_its_actual_case()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TABLE Parent (a INTEGER NOT NULL, b TEXT NOT NULL, PRIMARY KEY (a, b))
            ;;
            CREATE TABLE child (id INTEGER PRIMARY KEY, pa INTEGER, pb TEXT,
              other INTEGER REFERENCES child (id) ON DELETE SET DEFAULT,
              CONSTRAINT fk_parent FOREIGN KEY (pa, pb) REFERENCES parent ON UPDATE SET NULL ON DELETE RESTRICT)
            """);
        var child = (await IntrospectAsync(db)).Table(N(db, "child"));
        Assert.Equal(2, child.ForeignKeys.Count);
        var toParent = Assert.Single(child.ForeignKeys, f => !f.IsSelfReference);
        Assert.Equal("fk_parent", toParent.Name);
        Assert.Equal(N(db, "Parent"), toParent.PrincipalTable);
        Assert.Equal(["pa", "pb"], toParent.Columns);
        Assert.Equal(["a", "b"], toParent.PrincipalColumns);
        Assert.Equal(ReferentialAction.SetNull, toParent.OnUpdate);
        Assert.Equal(ReferentialAction.Restrict, toParent.OnDelete);
        var self = Assert.Single(child.ForeignKeys, f => f.IsSelfReference);
        Assert.Equal(["other"], self.Columns);
        Assert.Equal(ReferentialAction.SetDefault, self.OnDelete);
        Assert.Equal(ReferentialAction.NoAction, self.OnUpdate);
    }

    [SkippableFact]
    public async Task Row_counts_come_from_sqlite_stat1_when_analysed_else_are_counted()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TABLE analysed (id INTEGER PRIMARY KEY, v TEXT)
            ;;
            CREATE INDEX ix_v ON analysed (v)
            ;;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40) INSERT INTO analysed (v) SELECT 'v' || i FROM n
            ;;
            ANALYZE
            ;;
            INSERT INTO analysed (v) VALUES ('late'), ('later')
            ;;
            CREATE TABLE fresh (id INTEGER PRIMARY KEY)
            ;;
            INSERT INTO fresh (id) VALUES (1), (2), (3)
            """);
        var estimated = await IntrospectAsync(db);
        Assert.Equal((40L, false), (estimated.Table(N(db, "analysed")).RowCount, estimated.Table(N(db, "analysed")).RowCountIsExact));
        Assert.Equal((3L, true), (estimated.Table(N(db, "fresh")).RowCount, estimated.Table(N(db, "fresh")).RowCountIsExact));
        var exact = await IntrospectAsync(db, new IntrospectionOptions { ExactRowCounts = true });
        Assert.Equal((42L, true), (exact.Table(N(db, "analysed")).RowCount, exact.Table(N(db, "analysed")).RowCountIsExact));
    }

    [SkippableFact]
    public async Task Reads_inside_the_callers_transaction()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE a (id INTEGER PRIMARY KEY)\n;;\nINSERT INTO a VALUES (1), (2)");
        await using var connection = await db.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var schema = await SchemaIntrospectors.For(Fixture.Engine).IntrospectAsync(connection, IntrospectionOptions.Default, CancellationToken.None);
        Assert.Equal(2, Assert.Single(schema.Tables).RowCount);
    }
}
