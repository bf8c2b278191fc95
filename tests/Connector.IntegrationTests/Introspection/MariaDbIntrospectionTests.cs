using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Structured;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Introspection;

/// <summary>The introspection suite on MariaDB, plus every MySQL/MariaDB type family: DDL in, model out.</summary>
public sealed class MariaDbIntrospectionTests(MariaDbFixture fixture) : IntrospectionSuite<MariaDbFixture>(fixture)
{
    /// <summary>A MySQL database is the schema.</summary>
    protected override string? DefaultSchema(TestDatabase database) => database.Name;

    private async Task<TableSchema> SingleTableAsync(TestDatabase db, string ddl)
    {
        await db.ExecuteAsync(ddl);
        return Assert.Single((await IntrospectAsync(db)).Tables);
    }

    [SkippableFact]
    public async Task Reads_enum_and_set_values_with_quotes_commas_and_parentheses()
    {
        await using var db = await NewDatabaseAsync();
        var t = await SingleTableAsync(db, """
            CREATE TABLE t (
              e ENUM('a','it''s','x,y','(p)','a\\b','') NOT NULL DEFAULT 'it''s',
              s SET('r','g b','q''','ü') NULL)
            """);
        var e = t.Column("e");
        Assert.Equal(LogicalType.Enum, e.LogicalType);
        Assert.Equal(["a", "it's", "x,y", "(p)", "a\\b", ""], e.EnumValues);
        Assert.Equal("'it''s'", e.DefaultSql);
        Assert.False(e.IsNullable);
        var s = t.Column("s");
        Assert.Equal(LogicalType.Set, s.LogicalType);
        Assert.Equal(["r", "g b", "q'", "ü"], s.EnumValues);
        Assert.Null(s.DefaultSql);
        Assert.StartsWith("set(", s.NativeType, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Reads_json_as_json_and_drops_its_automatic_json_valid_check()
    {
        await using var db = await NewDatabaseAsync();
        var t = await SingleTableAsync(db, """
            CREATE TABLE doc (id INT NOT NULL PRIMARY KEY, body JSON NOT NULL, notes LONGTEXT, CONSTRAINT ck_id CHECK (id > 0))
            """);
        var body = t.Column("body");
        Assert.Equal(LogicalType.Json, body.LogicalType);
        Assert.Equal("longtext", body.NativeType);
        Assert.Null(body.Collation);
        Assert.Equal(LogicalType.Text, t.Column("notes").LogicalType);
        var check = Assert.Single(t.CheckConstraints);
        Assert.Equal("ck_id", check.Name);
        Assert.Equal("`id` > 0", check.Expression);
    }

    [SkippableFact]
    public async Task Maps_integers_signed_unsigned_and_tinyint_one_as_boolean()
    {
        await using var db = await NewDatabaseAsync();
        var t = await SingleTableAsync(db, """
            CREATE TABLE n (flag TINYINT(1) NOT NULL DEFAULT 0, b BOOLEAN, ti TINYINT, tiu TINYINT UNSIGNED, si SMALLINT,
              siu SMALLINT UNSIGNED, mi MEDIUMINT UNSIGNED, i INT, iu INT UNSIGNED, bi BIGINT, biu BIGINT UNSIGNED)
            """);
        Assert.Equal(
            [LogicalType.Boolean, LogicalType.Boolean, LogicalType.Int8, LogicalType.Int16, LogicalType.Int16, LogicalType.Int32,
             LogicalType.Int32, LogicalType.Int32, LogicalType.Int64, LogicalType.Int64, LogicalType.Decimal],
            t.Columns.Select(c => c.LogicalType));
        Assert.Equal("0", t.Column("flag").DefaultSql);
        Assert.Equal("tinyint(1)", t.Column("flag").NativeType);
        Assert.Equal("int(10) unsigned", t.Column("iu").NativeType);
        Assert.Equal("true", t.Column("iu").Annotations["mysql.unsigned"]);
        Assert.False(t.Column("i").Annotations.ContainsKey("mysql.unsigned"));
        var biu = t.Column("biu");
        Assert.Equal(20, biu.Precision);
        Assert.Equal(0, biu.Scale);
        Assert.Equal("true", biu.Annotations["mysql.unsigned"]);
    }

    [SkippableFact]
    public async Task Maps_decimal_float_double_and_bit()
    {
        await using var db = await NewDatabaseAsync();
        var t = await SingleTableAsync(db, """
            CREATE TABLE m (price DECIMAL(12,3) DEFAULT 1.5, ratio FLOAT, precise DOUBLE, b1 BIT(1), b5 BIT(5) DEFAULT b'101')
            """);
        var price = t.Column("price");
        Assert.Equal((LogicalType.Decimal, 12, 3), (price.LogicalType, price.Precision, price.Scale));
        Assert.Equal("1.500", price.DefaultSql);
        Assert.Equal(LogicalType.Float32, t.Column("ratio").LogicalType);
        Assert.Equal(LogicalType.Float64, t.Column("precise").LogicalType);
        Assert.Equal(LogicalType.Boolean, t.Column("b1").LogicalType);
        var b5 = t.Column("b5");
        Assert.Equal((LogicalType.Bit, 5), (b5.LogicalType, b5.MaxLength));
        Assert.Equal("b'101'", b5.DefaultSql);
    }

    [SkippableFact]
    public async Task Maps_strings_texts_and_binaries_with_lengths()
    {
        await using var db = await NewDatabaseAsync();
        var t = await SingleTableAsync(db, """
            CREATE TABLE s (code CHAR(3), name VARCHAR(50), tt TINYTEXT, body TEXT, huge LONGTEXT,
              raw BINARY(4), token VARBINARY(16), pic BLOB, big LONGBLOB)
            """);
        Assert.Equal((LogicalType.FixedString, 3), (t.Column("code").LogicalType, t.Column("code").MaxLength));
        Assert.Equal((LogicalType.String, 50), (t.Column("name").LogicalType, t.Column("name").MaxLength));
        Assert.Equal((LogicalType.Text, 255), (t.Column("tt").LogicalType, t.Column("tt").MaxLength));
        Assert.Equal((LogicalType.Text, 65535), (t.Column("body").LogicalType, t.Column("body").MaxLength));
        Assert.Equal(LogicalType.Text, t.Column("huge").LogicalType);
        Assert.Null(t.Column("huge").MaxLength);
        Assert.Equal((LogicalType.Binary, 4), (t.Column("raw").LogicalType, t.Column("raw").MaxLength));
        Assert.Equal((LogicalType.Binary, 16), (t.Column("token").LogicalType, t.Column("token").MaxLength));
        Assert.Equal(LogicalType.Binary, t.Column("pic").LogicalType);
        Assert.Equal(LogicalType.Binary, t.Column("big").LogicalType);
        Assert.All(t.Columns, c => Assert.Null(c.Collation));
    }

    [SkippableFact]
    public async Task Maps_dates_times_and_reads_current_timestamp_defaults()
    {
        await using var db = await NewDatabaseAsync();
        var t = await SingleTableAsync(db, """
            CREATE TABLE d (born DATE, seen DATETIME(6) DEFAULT CURRENT_TIMESTAMP(6),
              changed TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP, at_time TIME(3), yr YEAR)
            """);
        Assert.Equal(LogicalType.Date, t.Column("born").LogicalType);
        var seen = t.Column("seen");
        Assert.Equal((LogicalType.DateTime, 6), (seen.LogicalType, seen.Precision));
        Assert.Equal("current_timestamp(6)", seen.DefaultSql);
        Assert.Equal("datetime(6)", seen.NativeType);
        var changed = t.Column("changed");
        Assert.Equal(LogicalType.DateTime, changed.LogicalType);
        Assert.Equal("current_timestamp()", changed.DefaultSql);
        Assert.Equal("current_timestamp()", changed.Annotations["mysql.on_update"]);
        Assert.Equal((LogicalType.Time, 3), (t.Column("at_time").LogicalType, t.Column("at_time").Precision));
        Assert.Equal(LogicalType.Int16, t.Column("yr").LogicalType);
    }

    [SkippableFact]
    public async Task Reads_spatial_columns_as_spatial_geometry_that_is_modelled_without_a_warning()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE place (id INT NOT NULL PRIMARY KEY, area GEOMETRY, spot POINT NOT NULL)");
        var schema = await IntrospectAsync(db);
        var t = Assert.Single(schema.Tables);
        Assert.Equal(LogicalType.Spatial, t.Column("area").LogicalType);
        Assert.Equal(LogicalType.Spatial, t.Column("spot").LogicalType);
        Assert.Equal("geometry", t.Column("area").NativeType);
        Assert.Equal("point", t.Column("spot").NativeType);
        Assert.True(t.Column("spot").IsExotic);
        // Spatial columns are modelled as structured geometries (src/Synthesis/Structured), so the
        // introspector no longer warns that they are kept and flagged, not modelled.
        Assert.Equal(StructuredKind.Geometry, StructuredKinds.Of(t.Column("area")));
        Assert.Equal(StructuredKind.Geometry, StructuredKinds.Of(t.Column("spot")));
        Assert.DoesNotContain(schema.Warnings, w => w.Contains("spatial", StringComparison.OrdinalIgnoreCase)
            || w.Contains("area", StringComparison.Ordinal) || w.Contains("spot", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Reads_auto_increment_and_generated_columns()
    {
        await using var db = await NewDatabaseAsync();
        var t = await SingleTableAsync(db, """
            CREATE TABLE g (id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20) NOT NULL,
              twice INT AS (id * 2) VIRTUAL, shout VARCHAR(30) AS (CONCAT(name, '!')) STORED)
            ;;
            INSERT INTO g (name) VALUES ('a'), ('b'), ('c')
            """);
        var id = t.Column("id");
        Assert.Equal(IdentityKind.AutoIncrement, id.Identity);
        Assert.Null(id.DefaultSql);
        Assert.Equal("4", t.Annotations["mysql.auto_increment"]);
        Assert.Equal(IdentityKind.None, t.Column("name").Identity);
        var twice = t.Column("twice");
        Assert.Equal("`id` * 2", twice.GeneratedSql);
        Assert.Equal("virtual", twice.Annotations["mysql.generated"]);
        Assert.Equal(LogicalType.Int32, twice.LogicalType);
        var shout = t.Column("shout");
        Assert.Equal("concat(`name`,'!')", shout.GeneratedSql);
        Assert.Equal("stored", shout.Annotations["mysql.generated"]);
        Assert.Null(shout.DefaultSql);
        Assert.Null(t.Column("name").GeneratedSql);
    }

    [SkippableFact]
    public async Task Normalises_defaults_so_that_no_default_is_null_and_strings_stay_quoted()
    {
        await using var db = await NewDatabaseAsync();
        var t = await SingleTableAsync(db, """
            CREATE TABLE dflt (plain VARCHAR(20), quoted VARCHAR(30) DEFAULT 'hello ''world''', word VARCHAR(10) DEFAULT 'NULL',
              explicit_null VARCHAR(10) DEFAULT NULL, empty VARCHAR(10) NOT NULL DEFAULT '', num INT DEFAULT -7, day DATE DEFAULT '2024-02-29')
            """);
        Assert.Null(t.Column("plain").DefaultSql);
        Assert.Equal("'hello ''world'''", t.Column("quoted").DefaultSql);
        Assert.Equal("'NULL'", t.Column("word").DefaultSql);
        Assert.Null(t.Column("explicit_null").DefaultSql);
        Assert.Equal("''", t.Column("empty").DefaultSql);
        Assert.Equal("-7", t.Column("num").DefaultSql);
        Assert.Equal("'2024-02-29'", t.Column("day").DefaultSql);
    }

    [SkippableFact]
    public async Task Reports_collation_only_where_it_differs_from_the_table_default()
    {
        await using var db = await NewDatabaseAsync();
        var t = await SingleTableAsync(db, """
            CREATE TABLE c (a VARCHAR(10), b VARCHAR(10) COLLATE utf8mb4_bin, g VARCHAR(10) CHARACTER SET latin1 COLLATE latin1_german1_ci)
              DEFAULT CHARSET utf8mb4 COLLATE utf8mb4_general_ci
            """);
        Assert.Null(t.Column("a").Collation);
        Assert.Equal("utf8mb4_bin", t.Column("b").Collation);
        Assert.Equal("latin1_german1_ci", t.Column("g").Collation);
    }

    [SkippableFact]
    public async Task Reads_referential_actions_indexes_and_estimated_versus_exact_row_counts()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TABLE parent (id INT NOT NULL PRIMARY KEY, code VARCHAR(40) NOT NULL, body TEXT,
              UNIQUE KEY uq_code_prefix (code(8)), FULLTEXT KEY ft_body (body))
            ;;
            CREATE TABLE child (id INT NOT NULL PRIMARY KEY, parent_id INT, a INT, b INT,
              CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON UPDATE CASCADE ON DELETE SET NULL,
              UNIQUE KEY uq_ab (b, a), KEY ix_ba (a, b))
            ;;
            INSERT INTO parent VALUES (1, 'x', 'a'), (2, 'y', 'b')
            """);
        var schema = await IntrospectAsync(db, new IntrospectionOptions { ExactRowCounts = true });
        var child = schema.Table(N(db, "child"));
        var fk = Assert.Single(child.ForeignKeys);
        Assert.Equal((ReferentialAction.SetNull, ReferentialAction.Cascade), (fk.OnDelete, fk.OnUpdate));
        Assert.Equal(["b", "a"], Assert.Single(child.UniqueKeys).Columns);
        Assert.Equal(["a", "b"], Assert.Single(child.Indexes, i => i.Name == "ix_ba").Columns);
        // InnoDB backs the foreign key with an index of its own; it is kept like any other index.
        Assert.Single(child.Indexes, i => i.Name == "fk_child_parent");
        var parent = schema.Table(N(db, "parent"));
        Assert.Empty(parent.UniqueKeys);
        var prefix = Assert.Single(parent.Indexes, i => i.Name == "uq_code_prefix");
        Assert.True(prefix.IsUnique);
        Assert.Equal("BTREE (`code`(8))", prefix.Definition);
        Assert.Equal("FULLTEXT (`body`)", Assert.Single(parent.Indexes, i => i.Name == "ft_body").Definition);
        Assert.Equal((2L, true), (parent.RowCount, parent.RowCountIsExact));
        Assert.Equal((0L, true), (child.RowCount, child.RowCountIsExact));

        var estimated = await IntrospectAsync(db);
        Assert.False(estimated.Table(N(db, "parent")).RowCountIsExact);
        Assert.NotNull(estimated.Table(N(db, "parent")).RowCount);
    }

    [SkippableFact]
    public async Task Warns_about_a_foreign_key_to_an_excluded_table_and_lists_sequences()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TABLE parent (id INT NOT NULL PRIMARY KEY)
            ;;
            CREATE TABLE child (id INT NOT NULL PRIMARY KEY, parent_id INT NOT NULL,
              CONSTRAINT fk_cp FOREIGN KEY (parent_id) REFERENCES parent (id))
            ;;
            CREATE SEQUENCE ticket_seq
            """);
        var schema = await IntrospectAsync(db, new IntrospectionOptions { Exclude = ["parent"] });
        var child = Assert.Single(schema.Tables);
        Assert.Equal(N(db, "parent"), Assert.Single(child.ForeignKeys).PrincipalTable);
        Assert.Contains(schema.Warnings, w => w.Contains("fk_cp", StringComparison.Ordinal) && w.Contains("excluded", StringComparison.Ordinal));
        Assert.Equal(N(db, "ticket_seq"), Assert.Single(schema.Sequences).Name);
        Assert.Equal(db.Name, schema.DatabaseName);
        Assert.Contains("MariaDB", schema.ServerVersion, StringComparison.Ordinal);
    }
}
