using Sdv.Connector.Engines;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Introspection;

/// <summary>
/// "DDL in, model out", the same for every engine: each sealed subclass binds one engine's
/// fixture and adds the type families only that engine has.
/// </summary>
public abstract class IntrospectionSuite<TFixture>(TFixture fixture) : EngineTestBase<TFixture>(fixture)
    where TFixture : EngineFixture
{
    /// <summary>The engine's default schema name as introspection reports it (null for SQLite).</summary>
    protected abstract string? DefaultSchema(TestDatabase database);

    protected QualifiedName N(TestDatabase database, string table) => new(DefaultSchema(database), table);

    protected async Task<DatabaseSchema> IntrospectAsync(TestDatabase database, IntrospectionOptions? options = null)
    {
        await using var connection = await database.OpenAsync();
        return await EngineAdapters.For(Fixture.Engine).Introspector
            .IntrospectAsync(connection, options ?? IntrospectionOptions.Default, CancellationToken.None);
    }

    /// <summary>Adds a foreign key after both tables exist (SQLite cannot, so its subclass recreates the table).</summary>
    protected virtual string AddForeignKeyDdl(string table, string name, string column, string parent, string parentColumn) =>
        $"ALTER TABLE {Q(table)} ADD CONSTRAINT {Q(name)} FOREIGN KEY ({Q(column)}) REFERENCES {Q(parent)} ({Q(parentColumn)})";

    [SkippableFact]
    public async Task Reads_tables_columns_in_order_with_nullability_and_length()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TABLE person (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL, nickname VARCHAR(20), height DECIMAL(5,2))
            """);
        var schema = await IntrospectAsync(db);
        var person = Assert.Single(schema.Tables);
        Assert.Equal(N(db, "person"), person.Name);
        Assert.Equal(["id", "name", "nickname", "height"], person.Columns.Select(c => c.Name));
        Assert.Equal([1, 2, 3, 4], person.Columns.Select(c => c.Ordinal));
        Assert.False(person.Column("name").IsNullable);
        Assert.True(person.Column("nickname").IsNullable);
        Assert.Equal(40, person.Column("name").MaxLength);
        Assert.Equal(LogicalType.String, person.Column("name").LogicalType);
        Assert.Equal(LogicalType.Decimal, person.Column("height").LogicalType);
        Assert.Equal(5, person.Column("height").Precision);
        Assert.Equal(2, person.Column("height").Scale);
        Assert.Equal(["id"], person.PrimaryKey!.Columns);
    }

    [SkippableFact]
    public async Task Reads_composite_primary_and_foreign_keys_in_column_order()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TABLE orders (region INTEGER NOT NULL, order_no INTEGER NOT NULL, PRIMARY KEY (region, order_no))
            ;;
            CREATE TABLE line (id INTEGER NOT NULL PRIMARY KEY, ord_no INTEGER NOT NULL, reg INTEGER NOT NULL,
              CONSTRAINT fk_line_order FOREIGN KEY (reg, ord_no) REFERENCES orders (region, order_no) ON DELETE CASCADE)
            """);
        var schema = await IntrospectAsync(db);
        Assert.Equal(["region", "order_no"], schema.Table(N(db, "orders")).PrimaryKey!.Columns);
        var fk = Assert.Single(schema.Table(N(db, "line")).ForeignKeys);
        Assert.Equal(["reg", "ord_no"], fk.Columns);
        Assert.Equal(["region", "order_no"], fk.PrincipalColumns);
        Assert.Equal(N(db, "orders"), fk.PrincipalTable);
        Assert.Equal(ReferentialAction.Cascade, fk.OnDelete);
    }

    [SkippableFact]
    public async Task Reads_self_reference_and_several_foreign_keys_to_one_parent()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TABLE employee (id INTEGER NOT NULL PRIMARY KEY, manager_id INTEGER,
              CONSTRAINT fk_manager FOREIGN KEY (manager_id) REFERENCES employee (id))
            ;;
            CREATE TABLE city (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(30) NOT NULL)
            ;;
            CREATE TABLE flight (id INTEGER NOT NULL PRIMARY KEY, origin INTEGER NOT NULL, destination INTEGER NOT NULL,
              CONSTRAINT fk_origin FOREIGN KEY (origin) REFERENCES city (id),
              CONSTRAINT fk_destination FOREIGN KEY (destination) REFERENCES city (id))
            """);
        var schema = await IntrospectAsync(db);
        var selfRef = Assert.Single(schema.Table(N(db, "employee")).ForeignKeys);
        Assert.True(selfRef.IsSelfReference);
        Assert.Equal(["manager_id"], selfRef.Columns);
        var flightKeys = schema.Table(N(db, "flight")).ForeignKeys.OrderBy(f => f.Columns[0], StringComparer.Ordinal).ToList();
        Assert.Equal(2, flightKeys.Count);
        Assert.Equal(["destination"], flightKeys[0].Columns);
        Assert.Equal(["origin"], flightKeys[1].Columns);
        Assert.All(flightKeys, f => Assert.Equal(N(db, "city"), f.PrincipalTable));
    }

    [SkippableFact]
    public async Task Reads_a_cycle_of_foreign_keys()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TABLE department (id INTEGER NOT NULL PRIMARY KEY, head_id INTEGER)
            ;;
            CREATE TABLE staff (id INTEGER NOT NULL PRIMARY KEY, department_id INTEGER NOT NULL,
              CONSTRAINT fk_staff_department FOREIGN KEY (department_id) REFERENCES department (id))
            """);
        await db.ExecuteAsync(AddForeignKeyDdl("department", "fk_department_head", "head_id", "staff", "id"));
        var schema = await IntrospectAsync(db);
        Assert.Equal(2, schema.ForeignKeys.Count());
        var head = Assert.Single(schema.Table(N(db, "department")).ForeignKeys);
        Assert.Equal(N(db, "staff"), head.PrincipalTable);
        Assert.Equal(["head_id"], head.Columns);
    }

    [SkippableFact]
    public async Task Reads_unique_constraints_checks_and_indexes()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync($"""
            CREATE TABLE product (id INTEGER NOT NULL PRIMARY KEY, sku VARCHAR(20) NOT NULL, price DECIMAL(10,2) NOT NULL,
              category VARCHAR(20), CONSTRAINT uq_product_sku UNIQUE (sku), CONSTRAINT ck_price CHECK (price > 0))
            ;;
            CREATE INDEX ix_product_category ON product (category)
            """);
        var product = Assert.Single((await IntrospectAsync(db)).Tables);
        var unique = Assert.Single(product.UniqueKeys);
        Assert.Equal(["sku"], unique.Columns);
        var check = Assert.Single(product.CheckConstraints);
        Assert.Contains("price", check.Expression, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(">", check.Expression, StringComparison.Ordinal);
        var index = Assert.Single(product.Indexes, i => i.Name == "ix_product_category");
        Assert.Equal(["category"], index.Columns);
        Assert.False(index.IsUnique);
    }

    [SkippableFact]
    public async Task Reads_table_without_primary_key_views_and_row_counts()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TABLE event_log (happened_at VARCHAR(30), message VARCHAR(200))
            ;;
            INSERT INTO event_log VALUES ('2024-01-01', 'a')
            ;;
            INSERT INTO event_log VALUES ('2024-01-02', 'b')
            ;;
            INSERT INTO event_log VALUES ('2024-01-03', 'c')
            ;;
            CREATE VIEW recent_events AS SELECT message FROM event_log
            """);
        var schema = await IntrospectAsync(db, new IntrospectionOptions { ExactRowCounts = true });
        var table = Assert.Single(schema.Tables);
        Assert.Null(table.PrimaryKey);
        Assert.Equal(3, table.RowCount);
        Assert.True(table.RowCountIsExact);
        var view = Assert.Single(schema.Views);
        Assert.Equal(N(db, "recent_events"), view.Name);
    }

    [SkippableFact]
    public async Task Hostile_identifiers_round_trip()
    {
        const string table = "a\"b; drop table x";
        const string parent = "Ünïcødé Parent";
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync($"""
            CREATE TABLE {Q(parent)} ({Q("select")} INTEGER NOT NULL PRIMARY KEY, {Q("MixedCase")} VARCHAR(10))
            ;;
            CREATE TABLE {Q(table)} ({Q("dot.ted")} INTEGER NOT NULL PRIMARY KEY, {Q("with space")} INTEGER,
              CONSTRAINT {Q("fk; --")} FOREIGN KEY ({Q("with space")}) REFERENCES {Q(parent)} ({Q("select")}))
            """);
        var schema = await IntrospectAsync(db);
        var hostile = schema.Table(N(db, table));
        Assert.Equal(["dot.ted", "with space"], hostile.Columns.Select(c => c.Name));
        var fk = Assert.Single(hostile.ForeignKeys);
        Assert.Equal(N(db, parent), fk.PrincipalTable);
        Assert.Equal(["select"], fk.PrincipalColumns);
        Assert.Equal(["select", "MixedCase"], schema.Table(N(db, parent)).Columns.Select(c => c.Name));
    }

    [SkippableFact]
    public async Task Include_and_exclude_globs_filter_tables()
    {
        await using var db = await NewDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TABLE keep_one (id INTEGER NOT NULL PRIMARY KEY)
            ;;
            CREATE TABLE keep_two (id INTEGER NOT NULL PRIMARY KEY)
            ;;
            CREATE TABLE other (id INTEGER NOT NULL PRIMARY KEY)
            """);
        var schema = await IntrospectAsync(db, new IntrospectionOptions { Include = ["keep_*"], Exclude = ["*two"] });
        Assert.Equal([N(db, "keep_one")], schema.Tables.Select(t => t.Name));
    }
}
