using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Sdv.Connector.Engines;
using Sdv.Connector.Pipeline;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.MultiTable;
using Xunit;

namespace Sdv.Connector.Tests.Pipeline;

/// <summary>
/// The SQL the source runs for the multi-table fit, on customer ← orders ← items, pinned per engine. Expected texts are
/// written in PostgreSQL's quoting and requoted for the others: the engines differ here only in their quotes.
/// </summary>
public sealed partial class ContextQueryTests
{
    private static readonly ForeignKeySchema OrdersToCustomer = Fk("orders", "customer_id", "customer", "id");
    private static readonly ForeignKeySchema ItemsToOrders = Fk("items", "order_id", "orders", "id");

    private static readonly DatabaseSchema Schema = new()
    {
        Engine = DatabaseEngine.PostgreSql,
        Tables =
        [
            Table("customer", [Int("id"), Text("region")], ["id"]),
            Table("orders", [Int("id"), Int("customer_id"), Real("amount")], ["id"]) with { ForeignKeys = [OrdersToCustomer] },
            Table("items", [Int("id"), Int("order_id"), Real("qty")], ["id"]) with { ForeignKeys = [ItemsToOrders] },
        ],
    };

    private static readonly Func<ColumnSchema, string, string> AsIs = static (_, sql) => sql;

    public static TheoryData<DatabaseEngine> Engines => new() { DatabaseEngine.PostgreSql, DatabaseEngine.MySql, DatabaseEngine.SqlServer, DatabaseEngine.Sqlite };

    [Theory]
    [MemberData(nameof(Engines))]
    public void A_table_with_no_relationship_is_read_alone_in_key_order(DatabaseEngine engine)
    {
        var sql = ContextQuery.Build(Dialect(engine), Schema, Schema.Table(Name("customer")), [], AsIs);

        Assert.Equal(Requote("SELECT t.\"id\", t.\"region\" FROM \"s\".\"customer\" t  ORDER BY t.\"id\"", engine), sql);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Children_are_counted_and_averaged_in_one_grouped_subquery_per_relationship(DatabaseEngine engine)
    {
        AppendedColumn[] appended =
        [
            new("__items__order_id__num_rows", AppendedKind.ChildCount, ItemsToOrders, null, null),
            new("__items__order_id__qty__mean", AppendedKind.ChildAverage, ItemsToOrders, "qty", null),
        ];

        var sql = ContextQuery.Build(Dialect(engine), Schema, Schema.Table(Name("orders")), appended, AsIs);

        Assert.Equal(Requote(
            "SELECT t.\"id\", t.\"customer_id\", t.\"amount\", COALESCE(c0.\"n\", 0), c0.\"a_qty\" FROM \"s\".\"orders\" t "
            + "LEFT JOIN (SELECT \"order_id\" AS \"k0\", COUNT(*) AS \"n\", " + AverageOfQty(engine) + " AS \"a_qty\" FROM \"s\".\"items\" WHERE \"order_id\" IS NOT NULL GROUP BY \"order_id\") c0 "
            + "ON c0.\"k0\" = t.\"id\" ORDER BY t.\"id\"", engine), sql);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void The_parent_its_children_and_the_grandparent_are_joined_on_their_keys(DatabaseEngine engine)
    {
        AppendedColumn[] appended =
        [
            new("__parent__amount", AppendedKind.ParentColumn, ItemsToOrders, "amount", "amount"),
            new("__siblings__n", AppendedKind.SiblingCount, ItemsToOrders, null, null),
            new("__siblings__qty", AppendedKind.SiblingAverage, ItemsToOrders, "qty", null),
            new("__grandparent__region", AppendedKind.GrandparentColumn, OrdersToCustomer, "region", "region"),
        ];

        var sql = ContextQuery.Build(Dialect(engine), Schema, Schema.Table(Name("items")), appended, AsIs);

        Assert.Equal(Requote(
            "SELECT t.\"id\", t.\"order_id\", t.\"qty\", p.\"amount\", s.\"n\", s.\"a_qty\", g.\"region\" FROM \"s\".\"items\" t "
            + "LEFT JOIN \"s\".\"orders\" p ON p.\"id\" = t.\"order_id\" "
            + "LEFT JOIN (SELECT \"order_id\" AS \"k0\", COUNT(*) AS \"n\", " + AverageOfQty(engine) + " AS \"a_qty\" FROM \"s\".\"items\" WHERE \"order_id\" IS NOT NULL GROUP BY \"order_id\") s "
            + "ON s.\"k0\" = t.\"order_id\" "
            + "LEFT JOIN \"s\".\"customer\" g ON g.\"id\" = p.\"customer_id\" ORDER BY t.\"id\"", engine), sql);
    }

    [Fact]
    public void Two_child_relationships_get_their_own_aliases_and_each_count_its_own()
    {
        var returns = Fk("returns", "order_id", "orders", "id");
        var schema = Schema with { Tables = [.. Schema.Tables, Table("returns", [Int("id"), Int("order_id")], ["id"]) with { ForeignKeys = [returns] }] };
        AppendedColumn[] appended =
        [
            new("a", AppendedKind.ChildCount, ItemsToOrders, null, null),
            new("b", AppendedKind.ChildCount, returns, null, null),
            new("c", AppendedKind.ChildAverage, ItemsToOrders, "qty", null),
        ];

        var sql = ContextQuery.Build(Dialect(DatabaseEngine.PostgreSql), schema, schema.Table(Name("orders")), appended, AsIs);

        Assert.StartsWith("SELECT t.\"id\", t.\"customer_id\", t.\"amount\", COALESCE(c0.\"n\", 0), COALESCE(c1.\"n\", 0), c0.\"a_qty\" FROM", sql, StringComparison.Ordinal);
        Assert.Contains("FROM \"s\".\"items\" WHERE \"order_id\" IS NOT NULL GROUP BY \"order_id\") c0 ON c0.\"k0\" = t.\"id\"", sql, StringComparison.Ordinal);
        Assert.Contains("(SELECT \"order_id\" AS \"k0\", COUNT(*) AS \"n\" FROM \"s\".\"returns\" WHERE \"order_id\" IS NOT NULL GROUP BY \"order_id\") c1 ON c1.\"k0\" = t.\"id\"", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Composite_keys_join_and_group_on_every_column_pair_in_order()
    {
        var fk = new ForeignKeySchema { Table = Name("line"), Columns = ["ord_a", "ord_b"], PrincipalTable = Name("head"), PrincipalColumns = ["a", "b"] };
        var schema = new DatabaseSchema
        {
            Engine = DatabaseEngine.PostgreSql,
            Tables =
            [
                Table("head", [Int("a"), Int("b")], ["a", "b"]),
                Table("line", [Int("id"), Int("ord_b"), Int("ord_a")], ["id"]) with { ForeignKeys = [fk] },
            ],
        };

        var child = ContextQuery.Build(Dialect(DatabaseEngine.PostgreSql), schema, schema.Table(Name("head")), [new("n", AppendedKind.ChildCount, fk, null, null)], AsIs);
        var parent = ContextQuery.Build(Dialect(DatabaseEngine.PostgreSql), schema, schema.Table(Name("line")), [new("p", AppendedKind.SiblingCount, fk, null, null)], AsIs);

        Assert.Contains("(SELECT \"ord_a\" AS \"k0\", \"ord_b\" AS \"k1\", COUNT(*) AS \"n\" FROM \"s\".\"line\" WHERE \"ord_a\" IS NOT NULL AND \"ord_b\" IS NOT NULL GROUP BY \"ord_a\", \"ord_b\") c0 ON c0.\"k0\" = t.\"a\" AND c0.\"k1\" = t.\"b\" ORDER BY t.\"a\", t.\"b\"", child, StringComparison.Ordinal);
        Assert.Contains("LEFT JOIN \"s\".\"head\" p ON p.\"a\" = t.\"ord_a\" AND p.\"b\" = t.\"ord_b\" LEFT JOIN", parent, StringComparison.Ordinal);
        Assert.Contains(") s ON s.\"k0\" = t.\"ord_a\" AND s.\"k1\" = t.\"ord_b\" ORDER BY t.\"id\"", parent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_readers_select_expression_wraps_own_parent_and_averaged_columns()
    {
        static string Wrap(ColumnSchema column, string sql) => column.LogicalType == LogicalType.Float64 ? $"R({sql})" : sql;
        AppendedColumn[] appended =
        [
            new("x", AppendedKind.ChildAverage, ItemsToOrders, "qty", null),
            new("y", AppendedKind.ParentColumn, OrdersToCustomer, "region", "region"),
        ];

        var sql = ContextQuery.Build(Dialect(DatabaseEngine.PostgreSql), Schema, Schema.Table(Name("orders")), appended, Wrap);

        Assert.StartsWith("SELECT t.\"id\", t.\"customer_id\", R(t.\"amount\"), c0.\"a_qty\", p.\"region\" FROM", sql, StringComparison.Ordinal);
        Assert.Contains("AVG((R(\"qty\"))::double precision) AS \"a_qty\"", sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseEngine.PostgreSql, "SELECT t.\"x]y\" FROM \"a\"\"b; drop\".\"t\"\"1\" t  ORDER BY t.\"x]y\"")]
    [InlineData(DatabaseEngine.MySql, "SELECT t.`x]y` FROM `a\"b; drop`.`t\"1` t  ORDER BY t.`x]y`")]
    [InlineData(DatabaseEngine.SqlServer, "SELECT t.[x]]y] FROM [a\"b; drop].[t\"1] t  ORDER BY t.[x]]y]")]
    public void Hostile_names_are_quoted_with_the_engines_quote_doubled(DatabaseEngine engine, string expected)
    {
        var table = new TableSchema { Name = new QualifiedName("a\"b; drop", "t\"1"), Columns = [Int("x]y")], PrimaryKey = new KeySchema(null, ["x]y"]) };
        var schema = new DatabaseSchema { Engine = engine, Tables = [table] };

        Assert.Equal(expected, ContextQuery.Build(Dialect(engine), schema, table, [], AsIs));
    }

    [Fact]
    public void A_PostgreSQL_table_that_others_inherit_from_is_read_ONLY()
    {
        var table = Schema.Table(Name("customer")) with { Annotations = new Dictionary<string, string> { ["postgresql:inherited"] = "true" } };

        var sql = ContextQuery.Build(Dialect(DatabaseEngine.PostgreSql), Schema, table, [], AsIs);

        Assert.Contains(" FROM ONLY \"s\".\"customer\" t ", sql, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void The_count_histogram_counts_parents_per_number_of_children_and_the_NULL_keyed_apart(DatabaseEngine engine)
    {
        Assert.Equal(Requote(
            "SELECT COALESCE(x.n, 0) AS n, COUNT(*) AS parents FROM \"s\".\"orders\" p "
            + "LEFT JOIN (SELECT \"order_id\", COUNT(*) AS n FROM \"s\".\"items\" WHERE \"order_id\" IS NOT NULL GROUP BY \"order_id\") x ON x.\"order_id\" = p.\"id\" "
            + "GROUP BY COALESCE(x.n, 0) "
            + "UNION ALL SELECT -1, COUNT(*) FROM \"s\".\"items\" WHERE \"order_id\" IS NULL", engine),
            ContextQuery.CountHistogram(Dialect(engine), ItemsToOrders));
    }

    [Fact]
    public void The_count_histogram_of_a_composite_key_needs_every_part_for_a_parent_and_any_NULL_part_for_none()
    {
        var fk = new ForeignKeySchema { Table = Name("line"), Columns = ["ord_a", "ord_b"], PrincipalTable = Name("head"), PrincipalColumns = ["a", "b"] };

        var sql = ContextQuery.CountHistogram(Dialect(DatabaseEngine.SqlServer), fk);

        Assert.Contains("(SELECT [ord_a], [ord_b], COUNT(*) AS n FROM [s].[line] WHERE [ord_a] IS NOT NULL AND [ord_b] IS NOT NULL GROUP BY [ord_a], [ord_b]) x", sql, StringComparison.Ordinal);
        Assert.Contains(" x ON x.[ord_a] = p.[a] AND x.[ord_b] = p.[b] ", sql, StringComparison.Ordinal);
        Assert.EndsWith("UNION ALL SELECT -1, COUNT(*) FROM [s].[line] WHERE [ord_a] IS NULL OR [ord_b] IS NULL", sql, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Equality_counts_sum_non_null_and_equal_cells_per_pair(DatabaseEngine engine)
    {
        var fk = Fk("shipment", "order_id", "orders", "id");

        var sql = ContextQuery.EqualityCounts(Dialect(engine), Schema, fk, [("customer_id", "customer_id"), ("total", "amount")]);

        Assert.Equal(Requote(
            "SELECT SUM(CASE WHEN t.\"customer_id\" IS NOT NULL THEN 1 ELSE 0 END) AS \"n0\", SUM(CASE WHEN t.\"customer_id\" = p.\"customer_id\" THEN 1 ELSE 0 END) AS \"e0\", "
            + "SUM(CASE WHEN t.\"total\" IS NOT NULL THEN 1 ELSE 0 END) AS \"n1\", SUM(CASE WHEN t.\"total\" = p.\"amount\" THEN 1 ELSE 0 END) AS \"e1\" "
            + "FROM \"s\".\"shipment\" t " + LookupJoin(engine) + " \"s\".\"orders\" p ON p.\"id\" = t.\"order_id\"", engine), sql);
    }

    [Fact]
    public void A_parent_key_inferred_from_names_and_data_is_joined_as_the_planner_likes_for_it_may_have_no_index()
    {
        var fk = Fk("shipment", "order_id", "orders", "id");
        var inferred = Schema with
        {
            Tables = [.. Schema.Tables.Select(t => t.Name.Name == "orders" ? t with { PrimaryKey = new KeySchema(null, ["id"]) { Inference = new KeyEvidence("name") } } : t)],
        };

        Assert.Contains(" t STRAIGHT_JOIN ", ContextQuery.EqualityCounts(Dialect(DatabaseEngine.MySql), Schema, fk, [("total", "amount")]), StringComparison.Ordinal);
        Assert.Contains(" t JOIN ", ContextQuery.EqualityCounts(Dialect(DatabaseEngine.MySql), inferred, fk, [("total", "amount")]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, true, " ORDER BY x.\"id\"")]
    [InlineData(false, true, " ORDER BY x.\"code\", x.\"n\"")]
    [InlineData(false, false, "")]
    public void Rows_are_read_in_primary_key_order_else_first_unique_key_else_as_they_come(bool primary, bool unique, string expected)
    {
        var table = new TableSchema
        {
            Name = Name("t"),
            Columns = [Int("id"), Int("code"), Int("n")],
            PrimaryKey = primary ? new KeySchema(null, ["id"]) : null,
            UniqueKeys = unique ? [new KeySchema(null, ["code", "n"]), new KeySchema(null, ["n"])] : [],
        };

        Assert.Equal(expected, ContextQuery.OrderBy(Dialect(DatabaseEngine.PostgreSql), table, "x."));
    }

    [Fact]
    public void The_read_columns_are_the_tables_then_parent_copies_renamed_and_counts_as_nullable_doubles()
    {
        AppendedColumn[] appended =
        [
            new("__parent__amount", AppendedKind.ParentColumn, ItemsToOrders, "amount", "amount"),
            new("__siblings__n", AppendedKind.SiblingCount, ItemsToOrders, null, null),
            new("__grandparent__region", AppendedKind.GrandparentColumn, OrdersToCustomer, "region", "region"),
        ];

        var columns = ContextQuery.Columns(Schema, Schema.Table(Name("items")), appended);

        Assert.Equal(["id", "order_id", "qty", "__parent__amount", "__siblings__n", "__grandparent__region"], columns.Select(static c => c.Name));
        Assert.Equal([1, 2, 3, 4, 5, 6], columns.Select(static c => c.Ordinal));
        Assert.Equal((LogicalType.Float64, "REAL", false), (columns[3].LogicalType, columns[3].NativeType, columns[3].IsNullable));
        Assert.Equal((LogicalType.Float64, "double precision", true), (columns[4].LogicalType, columns[4].NativeType, columns[4].IsNullable));
        Assert.Equal((LogicalType.Text, "TEXT"), (columns[5].LogicalType, columns[5].NativeType));
    }

    /// <summary>The SQLite query run on real rows: each order with its items' count and mean, and its customer's region.</summary>
    [Fact]
    public void Run_on_SQLite_the_query_returns_the_counts_averages_and_parent_columns_of_each_row()
    {
        var schema = Unqualified(Schema);
        var orders = schema.Table(new QualifiedName(null, "orders"));
        var toCustomer = orders.ForeignKeys[0];
        var toOrders = schema.Table(new QualifiedName(null, "items")).ForeignKeys[0];
        AppendedColumn[] appended =
        [
            new("n", AppendedKind.ChildCount, toOrders, null, null),
            new("mean", AppendedKind.ChildAverage, toOrders, "qty", null),
            new("region", AppendedKind.ParentColumn, toCustomer, "region", "region"),
            new("siblings", AppendedKind.SiblingCount, toCustomer, null, null),
        ];
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, """
            CREATE TABLE customer (id INTEGER PRIMARY KEY, region TEXT);
            CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, amount REAL);
            CREATE TABLE items (id INTEGER PRIMARY KEY, order_id INTEGER, qty REAL);
            INSERT INTO customer VALUES (1, 'north'), (2, 'south');
            INSERT INTO orders VALUES (10, 1, 5.0), (11, 1, 7.0), (12, 2, 1.0), (13, NULL, 2.0);
            INSERT INTO items VALUES (100, 10, 1), (101, 10, 2), (102, 10, 4), (103, 12, 1), (104, NULL, 9);
            """);

        var rows = Query(connection, ContextQuery.Build(Dialect(DatabaseEngine.Sqlite), schema, orders, appended, AsIs));

        Assert.Equal(
            [
                "10|1|5.0|3|2.33333|north|2",
                "11|1|7.0|0||north|2",
                "12|2|1.0|1|1.0|south|1",
                "13||2.0|0|||",
            ],
            rows);

        var histogram = Query(connection, ContextQuery.CountHistogram(Dialect(DatabaseEngine.Sqlite), toOrders));
        Assert.Equal(["-1|1", "0|2", "1|1", "3|1"], histogram.Order(StringComparer.Ordinal)); // 2 orders without items, 1 with one, 1 with three; 1 item without an order

        var equal = Query(connection, ContextQuery.EqualityCounts(Dialect(DatabaseEngine.Sqlite), schema, toOrders, [("qty", "amount")]));
        Assert.Equal(["4|1"], equal); // four items with an order; one (item 103, qty 1) equals its order's amount

        // The other three, as (item value, order value, rows): what a partial equality's multiples are learned from.
        var unequal = Query(connection, ContextQuery.ValuePairCounts(Dialect(DatabaseEngine.Sqlite), schema, toOrders, "qty", "amount", AsIs, unequalOnly: true));
        Assert.Equal(["1.0|5.0|1", "2.0|5.0|1", "4.0|5.0|1"], unequal.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// A self-reference's histogram tells the roots apart (a NULL key, or one pointing at the row itself): a head with
    /// three reports, a manager under it with two, and a second tree whose NOT NULL root points at itself.
    /// </summary>
    [Fact]
    public void Run_on_SQLite_a_self_references_histogram_marks_the_roots_children_apart()
    {
        var fk = new ForeignKeySchema { Table = new(null, "staff"), Columns = ["boss"], PrincipalTable = new(null, "staff"), PrincipalColumns = ["id"] };
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, """
            CREATE TABLE staff (id INTEGER PRIMARY KEY, boss INTEGER);
            INSERT INTO staff VALUES (1, NULL), (2, 1), (3, 1), (4, 1), (5, 2), (6, 2), (7, 7), (8, 7);
            """);

        var histogram = Query(connection, ContextQuery.CountHistogram(Dialect(DatabaseEngine.Sqlite), fk));

        // n|parents|root: 1 root (id 1) with 3 children, 1 (id 7, its own boss) with 2 (itself and 8); of the others, 1 with
        // 2 (id 2) and 5 with none; one NULL-keyed row.
        Assert.Equal(["-1|1|0", "0|5|0", "2|1|0", "2|1|1", "3|1|1"], histogram.Order(StringComparer.Ordinal));
    }

    private static ISqlDialect Dialect(DatabaseEngine engine) => EngineAdapters.For(engine).Dialect;

    /// <summary>PostgreSQL-quoted SQL in another engine's quotes (no identifier here holds a quote).</summary>
    private static string Requote(string sql, DatabaseEngine engine) => engine switch
    {
        DatabaseEngine.MySql => sql.Replace('"', '`'),
        DatabaseEngine.SqlServer => Quoted().Replace(sql, "[$1]"),
        _ => sql,
    };

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex Quoted();

    private static QualifiedName Name(string table) => new("s", table);

    private static ForeignKeySchema Fk(string table, string column, string principal, string principalColumn) =>
        new() { Table = Name(table), Columns = [column], PrincipalTable = Name(principal), PrincipalColumns = [principalColumn] };

    private static TableSchema Table(string name, ColumnSchema[] columns, string[] key) => new()
    {
        Name = Name(name),
        Columns = columns.Select((c, i) => c with { Ordinal = i + 1 }).ToList(),
        PrimaryKey = new KeySchema(null, key),
    };

    private static ColumnSchema Int(string name) => new() { Name = name, Ordinal = 0, NativeType = "INTEGER", LogicalType = LogicalType.Int64, IsNullable = true };

    private static ColumnSchema Real(string name) => new() { Name = name, Ordinal = 0, NativeType = "REAL", LogicalType = LogicalType.Float64, IsNullable = false };

    private static ColumnSchema Text(string name) => new() { Name = name, Ordinal = 0, NativeType = "TEXT", LogicalType = LogicalType.Text, IsNullable = true };

    /// <summary>The schema with every table and key in SQLite's main database, unnamed.</summary>
    private static DatabaseSchema Unqualified(DatabaseSchema schema) => schema with
    {
        Engine = DatabaseEngine.Sqlite,
        Tables = schema.Tables.Select(t => t with
        {
            Name = new QualifiedName(null, t.Name.Name),
            ForeignKeys = t.ForeignKeys.Select(f => f with { Table = new QualifiedName(null, f.Table.Name), PrincipalTable = new QualifiedName(null, f.PrincipalTable.Name) }).ToList(),
        }).ToList(),
    };

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Each row as its cells joined by '|', NULL as empty, reals to five places.</summary>
    private static List<string> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? string.Empty : reader.GetValue(i) switch
            {
                double d => d.ToString(d == Math.Floor(d) ? "F1" : "F5", CultureInfo.InvariantCulture),
                var v => Convert.ToString(v, CultureInfo.InvariantCulture),
            })));
        }

        return rows;
    }

    /// <summary>The average of qty as each engine writes it: PostgreSQL over double precision, the others times 1.0 (never an integer average).</summary>
    private static string AverageOfQty(DatabaseEngine engine) =>
        engine == DatabaseEngine.PostgreSql ? "AVG((\"qty\")::double precision)" : "AVG(\"qty\" * 1.0)";

    /// <summary>The join of a child to a parent by its declared key: MySQL is told to read the child first.</summary>
    private static string LookupJoin(DatabaseEngine engine) => engine == DatabaseEngine.MySql ? "STRAIGHT_JOIN" : "JOIN";
}
