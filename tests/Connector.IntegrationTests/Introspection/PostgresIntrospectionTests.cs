using Sdv.Connector.Engines;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Introspection;

public sealed class PostgresIntrospectionTests(PostgresFixture fixture) : IntrospectionSuite<PostgresFixture>(fixture)
{
    protected override string? DefaultSchema(TestDatabase database) => "public";

    private static QualifiedName P(string name) => new("public", name);

    [SkippableFact]
    public async Task Maps_every_scalar_type_family()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TABLE t (
              b boolean, i2 smallint, i4 integer, i8 bigint, r real, d double precision, n numeric(12,3), nn numeric,
              m money, vc varchar(40), ch char(5), tx text, dt date, tm time, tmtz time with time zone, ts timestamp(3),
              tstz timestamptz, iv interval, u uuid, by bytea, js json, jb jsonb, x xml, ip inet, net cidr, mac macaddr,
              pt point, bx box, ir int4range, dr daterange, bt bit(8), vb varbit(16), tv tsvector)
            """);
        var schema = await IntrospectAsync(db);
        var t = Assert.Single(schema.Tables);
        (string Column, LogicalType Type, string Native)[] expected =
        [
            ("b", LogicalType.Boolean, "boolean"), ("i2", LogicalType.Int16, "smallint"), ("i4", LogicalType.Int32, "integer"),
            ("i8", LogicalType.Int64, "bigint"), ("r", LogicalType.Float32, "real"), ("d", LogicalType.Float64, "double precision"),
            ("n", LogicalType.Decimal, "numeric(12,3)"), ("nn", LogicalType.Decimal, "numeric"), ("m", LogicalType.Money, "money"),
            ("vc", LogicalType.String, "character varying(40)"), ("ch", LogicalType.FixedString, "character(5)"),
            ("tx", LogicalType.Text, "text"), ("dt", LogicalType.Date, "date"), ("tm", LogicalType.Time, "time without time zone"),
            ("tmtz", LogicalType.TimeWithTimeZone, "time with time zone"), ("ts", LogicalType.DateTime, "timestamp(3) without time zone"),
            ("tstz", LogicalType.DateTimeWithTimeZone, "timestamp with time zone"), ("iv", LogicalType.Interval, "interval"),
            ("u", LogicalType.Uuid, "uuid"), ("by", LogicalType.Binary, "bytea"), ("js", LogicalType.Json, "json"),
            ("jb", LogicalType.Json, "jsonb"), ("x", LogicalType.Xml, "xml"), ("ip", LogicalType.Network, "inet"),
            ("net", LogicalType.Network, "cidr"), ("mac", LogicalType.Network, "macaddr"), ("pt", LogicalType.Spatial, "point"),
            ("bx", LogicalType.Spatial, "box"), ("ir", LogicalType.Range, "int4range"), ("dr", LogicalType.Range, "daterange"),
            ("bt", LogicalType.Bit, "bit(8)"), ("vb", LogicalType.Bit, "bit varying(16)"), ("tv", LogicalType.Other, "tsvector"),
        ];
        Assert.Equal(expected.Select(e => e.Column), t.Columns.Select(c => c.Name));
        foreach (var (column, type, native) in expected)
        {
            Assert.True(type == t.Column(column).LogicalType, $"{column}: expected {type}, got {t.Column(column).LogicalType}");
            Assert.Equal(native, t.Column(column).NativeType);
        }
        Assert.Equal((12, 3), (t.Column("n").Precision, t.Column("n").Scale));
        Assert.Equal((null, null), (t.Column("nn").Precision, t.Column("nn").Scale));
        Assert.Equal(40, t.Column("vc").MaxLength);
        Assert.Equal(5, t.Column("ch").MaxLength);
        Assert.Null(t.Column("tx").MaxLength);
        Assert.Equal(3, t.Column("ts").Precision);
        Assert.Equal(8, t.Column("bt").MaxLength);
        Assert.Equal(16, t.Column("vb").MaxLength);
        Assert.True(t.Column("iv").IsExotic);
        Assert.True(t.Column("pt").IsExotic);
        Assert.False(t.Column("jb").IsExotic);
        // No warning: the exotic types are typed and flagged by IsExotic, and tsvector, which has no logical type, is
        // generated from its lexemes (a structured column), so nothing here goes unmodelled.
        Assert.Empty(schema.Warnings);
    }

    [SkippableFact]
    public async Task Reads_enums_domains_and_arrays()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')
            ;;
            CREATE DOMAIN email AS varchar(120) NOT NULL CHECK (VALUE LIKE '%@%')
            ;;
            CREATE DOMAIN positive_amount AS numeric(8,2) CHECK (VALUE > 0)
            ;;
            CREATE TABLE person (id int PRIMARY KEY, feeling mood, moods mood[], contact email, paid positive_amount,
              tags text[], scores integer[], names varchar(10)[])
            """);
        var schema = await IntrospectAsync(db);
        var person = Assert.Single(schema.Tables);
        var feeling = person.Column("feeling");
        Assert.Equal(LogicalType.Enum, feeling.LogicalType);
        Assert.Equal(["sad", "ok", "happy"], feeling.EnumValues!);
        Assert.Equal(P("mood"), feeling.UserType);
        var moods = person.Column("moods");
        Assert.Equal(LogicalType.Array, moods.LogicalType);
        Assert.Equal("mood", moods.ElementType);
        Assert.Equal(["sad", "ok", "happy"], moods.EnumValues!);
        var contact = person.Column("contact");
        Assert.Equal(LogicalType.String, contact.LogicalType);
        Assert.Equal(120, contact.MaxLength);
        Assert.Equal(P("email"), contact.UserType);
        Assert.Equal("email", contact.NativeType);
        var paid = person.Column("paid");
        Assert.Equal((LogicalType.Decimal, 8, 2), (paid.LogicalType, paid.Precision, paid.Scale));
        Assert.Equal(P("positive_amount"), paid.UserType);
        Assert.Equal((LogicalType.Array, "text", "text[]"), (person.Column("tags").LogicalType, person.Column("tags").ElementType, person.Column("tags").NativeType));
        Assert.Equal("integer", person.Column("scores").ElementType);
        Assert.Equal("character varying(10)", person.Column("names").ElementType);
        Assert.Null(person.Column("tags").EnumValues);

        Assert.Equal([P("email"), P("mood"), P("positive_amount")], schema.UserTypes.Select(u => u.Name));
        var mood = schema.UserTypes.Single(u => u.Name == P("mood"));
        Assert.True(mood.IsEnum);
        Assert.Equal(["sad", "ok", "happy"], mood.EnumValues!);
        var emailType = schema.UserTypes.Single(u => u.Name == P("email"));
        Assert.False(emailType.IsEnum);
        Assert.Equal("character varying(120)", emailType.BaseType);
        Assert.True(emailType.NotNull);
        Assert.Contains("VALUE", Assert.Single(emailType.Checks), StringComparison.Ordinal);
        Assert.Empty(schema.Warnings);
    }

    [SkippableFact]
    public async Task Reads_identity_serial_generated_columns_and_owned_sequences()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TABLE invoice (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              alt int GENERATED BY DEFAULT AS IDENTITY,
              number serial,
              big bigserial,
              net numeric(10,2) NOT NULL DEFAULT 0,
              gross numeric(10,2) GENERATED ALWAYS AS (net * 1.2) STORED,
              created timestamptz NOT NULL DEFAULT now())
            ;;
            CREATE SEQUENCE free_standing
            """);
        var schema = await IntrospectAsync(db);
        var invoice = Assert.Single(schema.Tables);
        Assert.Equal((IdentityKind.Identity, "always"), (invoice.Column("id").Identity, invoice.Column("id").Annotations["postgresql:identity"]));
        Assert.Equal((IdentityKind.Identity, "by default"), (invoice.Column("alt").Identity, invoice.Column("alt").Annotations["postgresql:identity"]));
        Assert.Equal(IdentityKind.Serial, invoice.Column("number").Identity);
        Assert.Equal("nextval('invoice_number_seq'::regclass)", invoice.Column("number").DefaultSql);
        Assert.Equal(IdentityKind.Serial, invoice.Column("big").Identity);
        Assert.Equal(LogicalType.Int64, invoice.Column("big").LogicalType);
        Assert.Equal(IdentityKind.None, invoice.Column("net").Identity);
        Assert.Equal("0", invoice.Column("net").DefaultSql);
        var gross = invoice.Column("gross");
        // As PostgreSQL prints it (pg_get_expr), parentheses included.
        Assert.Equal("(net * 1.2)", gross.GeneratedSql);
        Assert.Null(gross.DefaultSql);
        Assert.Equal("now()", invoice.Column("created").DefaultSql);

        var sequences = schema.Sequences.ToDictionary(s => s.Name.Name);
        Assert.Equal(["free_standing", "invoice_alt_seq", "invoice_big_seq", "invoice_id_seq", "invoice_number_seq"], sequences.Keys.Order(StringComparer.Ordinal));
        Assert.Null(sequences["free_standing"].OwnedByTable);
        Assert.Equal((P("invoice"), "number"), (sequences["invoice_number_seq"].OwnedByTable, sequences["invoice_number_seq"].OwnedByColumn));
        Assert.Equal((P("invoice"), "id"), (sequences["invoice_id_seq"].OwnedByTable, sequences["invoice_id_seq"].OwnedByColumn));
    }

    [SkippableFact]
    public async Task Groups_partitions_under_their_partitioned_parent()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TABLE measurement (id int NOT NULL, taken date NOT NULL, value numeric(6,1), PRIMARY KEY (id, taken))
              PARTITION BY RANGE (taken)
            ;;
            CREATE TABLE measurement_2023 PARTITION OF measurement FOR VALUES FROM ('2023-01-01') TO ('2024-01-01')
            ;;
            CREATE TABLE measurement_2024 PARTITION OF measurement FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')
            ;;
            CREATE TABLE reading (id int PRIMARY KEY, m_id int NOT NULL, m_taken date NOT NULL,
              FOREIGN KEY (m_id, m_taken) REFERENCES measurement (id, taken))
            ;;
            CREATE INDEX ix_measurement_value ON measurement (value)
            ;;
            INSERT INTO measurement VALUES (1, '2023-05-01', 1.5), (2, '2024-02-01', 2.5), (3, '2024-03-01', 3.5)
            ;;
            ANALYZE
            """);
        var schema = await IntrospectAsync(db);
        Assert.Equal([P("measurement"), P("reading")], schema.Tables.Select(t => t.Name));
        var measurement = schema.Table(P("measurement"));
        Assert.Equal([P("measurement_2023"), P("measurement_2024")], measurement.Partitions);
        Assert.Equal(["id", "taken"], measurement.PrimaryKey!.Columns);
        Assert.Equal("true", measurement.Annotations["postgresql:partitioned"]);
        Assert.Equal(["ix_measurement_value"], measurement.Indexes.Select(i => i.Name));
        Assert.Equal(3, measurement.RowCount);
        Assert.False(measurement.RowCountIsExact);
        // A key to a partitioned table is one foreign key, not one per partition.
        var fk = Assert.Single(schema.Table(P("reading")).ForeignKeys);
        Assert.Equal(P("measurement"), fk.PrincipalTable);
        Assert.Equal(["id", "taken"], fk.PrincipalColumns);
    }

    [SkippableFact]
    public async Task Reads_the_selected_schemas_only()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE SCHEMA sales
            ;;
            CREATE SCHEMA "Hr Dept"
            ;;
            CREATE TABLE sales.customer (id int PRIMARY KEY)
            ;;
            CREATE TABLE "Hr Dept".customer (id int PRIMARY KEY, sales_customer int REFERENCES sales.customer (id))
            ;;
            CREATE TABLE public.misc (id int)
            ;;
            CREATE TYPE sales.tier AS ENUM ('gold', 'silver')
            """);
        var all = await IntrospectAsync(db);
        Assert.Equal([new QualifiedName("Hr Dept", "customer"), P("misc"), new QualifiedName("sales", "customer")], all.Tables.Select(t => t.Name));
        Assert.Equal(new QualifiedName("sales", "customer"), Assert.Single(all.ForeignKeys).PrincipalTable);

        var hr = await IntrospectAsync(db, new IntrospectionOptions { Schemas = ["Hr Dept"] });
        Assert.Equal([new QualifiedName("Hr Dept", "customer")], hr.Tables.Select(t => t.Name));
        Assert.Empty(hr.UserTypes);
        // The key still names its parent outside the selection: the graph step reports it.
        Assert.Equal(new QualifiedName("sales", "customer"), Assert.Single(hr.ForeignKeys).PrincipalTable);

        var sales = await IntrospectAsync(db, new IntrospectionOptions { Schemas = ["sales", "nope"] });
        Assert.Equal([new QualifiedName("sales", "customer")], sales.Tables.Select(t => t.Name));
        Assert.Equal([new QualifiedName("sales", "tier")], sales.UserTypes.Select(u => u.Name));
        Assert.Contains(sales.Warnings, w => w.Contains("nope", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Lists_views_and_materialized_views_apart_from_tables()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TABLE sale (id int PRIMARY KEY, amount numeric(8,2))
            ;;
            CREATE VIEW big_sale AS SELECT id FROM sale WHERE amount > 100
            ;;
            CREATE MATERIALIZED VIEW sale_total AS SELECT sum(amount) AS total FROM sale
            """);
        var schema = await IntrospectAsync(db);
        Assert.Equal([P("sale")], schema.Tables.Select(t => t.Name));
        Assert.Equal([P("big_sale"), P("sale_total")], schema.Views.Select(v => v.Name));
        Assert.False(schema.Views[0].IsMaterialized);
        Assert.True(schema.Views[1].IsMaterialized);
        Assert.Contains("sale.amount > 100::numeric", schema.Views[0].Definition, StringComparison.Ordinal);
        Assert.Contains("sum(sale.amount) AS total", schema.Views[1].Definition, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Reports_non_default_collations_only()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TABLE word (plain text, bytewise text COLLATE "C", posix varchar(20) COLLATE "POSIX")
            """);
        var word = Assert.Single((await IntrospectAsync(db)).Tables);
        Assert.Null(word.Column("plain").Collation);
        Assert.Equal("C", word.Column("bytewise").Collation);
        Assert.Equal("POSIX", word.Column("posix").Collation);
    }

    [SkippableFact]
    public async Task Tells_unique_constraints_from_unique_and_partial_indexes()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TABLE account (id int PRIMARY KEY, sku text, region text, email text, deleted boolean NOT NULL DEFAULT false,
              CONSTRAINT uq_sku_region UNIQUE (region, sku), CONSTRAINT ck_sku CHECK (length(sku) BETWEEN 3 AND 12))
            ;;
            CREATE UNIQUE INDEX ux_email ON account (email)
            ;;
            CREATE UNIQUE INDEX ux_live_email ON account (lower(email)) WHERE NOT deleted
            ;;
            CREATE INDEX ix_region_live ON account (region) WHERE NOT deleted
            """);
        var account = Assert.Single((await IntrospectAsync(db)).Tables);
        Assert.Equal(["id"], account.PrimaryKey!.Columns);
        Assert.Equal("account_pkey", account.PrimaryKey.Name);
        Assert.Equal(2, account.UniqueKeys.Count);
        Assert.Equal(("uq_sku_region", false), (account.UniqueKeys[0].Name, account.UniqueKeys[0].IsIndex));
        Assert.Equal(["region", "sku"], account.UniqueKeys[0].Columns);
        Assert.Equal(("ux_email", true), (account.UniqueKeys[1].Name, account.UniqueKeys[1].IsIndex));
        var check = Assert.Single(account.CheckConstraints);
        Assert.Equal("ck_sku", check.Name);
        Assert.Contains("length(sku)", check.Expression, StringComparison.Ordinal);
        Assert.Equal(["ix_region_live", "ux_live_email"], account.Indexes.Select(i => i.Name));
        Assert.Equal("(NOT deleted)", account.Indexes[0].Filter);
        Assert.False(account.Indexes[0].IsUnique);
        Assert.StartsWith("CREATE INDEX ix_region_live ON public.account", account.Indexes[0].Definition, StringComparison.Ordinal);
        Assert.True(account.Indexes[1].IsUnique);
        Assert.Equal(["(expression)"], account.Indexes[1].Columns);
    }

    [SkippableFact]
    public async Task Row_counts_are_estimates_unknown_before_analyze_and_exact_on_request()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TABLE analysed (id int PRIMARY KEY)
            ;;
            INSERT INTO analysed SELECT g FROM generate_series(1, 250) g
            ;;
            ANALYZE analysed
            ;;
            CREATE TABLE never_analysed (id int PRIMARY KEY)
            ;;
            INSERT INTO never_analysed SELECT g FROM generate_series(1, 7) g
            """);
        var estimated = await IntrospectAsync(db);
        Assert.Equal((250L, false), (estimated.Table(P("analysed")).RowCount, estimated.Table(P("analysed")).RowCountIsExact));
        Assert.Null(estimated.Table(P("never_analysed")).RowCount);
        var exact = await IntrospectAsync(db, new IntrospectionOptions { ExactRowCounts = true });
        Assert.Equal((7L, true), (exact.Table(P("never_analysed")).RowCount, exact.Table(P("never_analysed")).RowCountIsExact));
        Assert.Equal(250L, exact.Table(P("analysed")).RowCount);
    }

    [SkippableFact]
    public async Task Reads_inside_the_callers_read_only_transaction()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE a (id int PRIMARY KEY)\n;;\nINSERT INTO a VALUES (1), (2)");
        await using var connection = await db.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        await using (var readOnly = connection.CreateCommand())
        {
            readOnly.CommandText = "SET TRANSACTION READ ONLY";
            await readOnly.ExecuteNonQueryAsync();
        }
        var schema = await EngineAdapters.For(Fixture.Engine).Introspector
            .IntrospectAsync(connection, new IntrospectionOptions { ExactRowCounts = true }, CancellationToken.None);
        Assert.Equal(2, Assert.Single(schema.Tables).RowCount);
    }
}
