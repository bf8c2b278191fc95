using Sdv.Connector.SchemaIntrospection.Metadata;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.MultiTable;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.MultiTable;

public sealed class DatabaseSynthesizerTests
{
    private static ColumnSchema Col(string name, LogicalType type) =>
        new() { Name = name, Ordinal = 0, NativeType = type.ToString(), LogicalType = type, IsNullable = false };

    /// <summary>
    /// customer (city, segment, a sign-up date) → orders (ship city equal to the customer's in 95% of the rows, the
    /// segment in all, an order date some days after the sign-up) → line (its price equal to the order's list price):
    /// every kind of relationship statistic the fit counts (equal values, value pairs for chance and offsets).
    /// </summary>
    private static (DatabaseSchema Schema, Dictionary<string, List<object?[]>> Rows) Database()
    {
        var random = new Random(5);
        var cities = Enumerable.Range(0, 30).Select(i => $"Town{(char)('A' + (i % 26))}{i}").ToArray();
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var customers = Enumerable.Range(1, 200)
            .Select(i => new object?[] { (long)i, cities[random.Next(cities.Length)], $"segment {random.Next(8)}", start.AddDays(random.Next(700)) })
            .ToList();
        var orders = new List<object?[]>();
        var lines = new List<object?[]>();
        for (var id = 1; id <= 1_500; id++)
        {
            var customer = customers[random.Next(customers.Count)];
            var price = Math.Round(5 + (random.NextDouble() * 90), 2);
            orders.Add([(long)id, customer[0], random.NextDouble() < 0.95 ? customer[1] : cities[random.Next(cities.Length)], customer[2], ((DateTime)customer[3]!).AddDays(random.Next(1, 60)), price]);
            for (var l = random.Next(1, 4); l > 0; l--) lines.Add([(long)(lines.Count + 1), (long)id, price, (long)random.Next(1, 5)]);
        }

        TableSchema Table(string name, ColumnSchema[] columns, ForeignKeySchema? fk = null) => new()
        {
            Name = new QualifiedName(null, name),
            Columns = columns.Select((c, i) => c with { Ordinal = i + 1 }).ToList(),
            PrimaryKey = new KeySchema(null, [columns[0].Name]),
            ForeignKeys = fk is null ? [] : [fk],
        };
        ForeignKeySchema Fk(string child, string column, string parent) => new()
        {
            Name = $"fk_{child}_{parent}", Table = new QualifiedName(null, child), Columns = [column], PrincipalTable = new QualifiedName(null, parent), PrincipalColumns = ["id"],
        };
        var schema = SdTypeInference.Apply(new DatabaseSchema
        {
            Engine = DatabaseEngine.Sqlite,
            Tables =
            [
                Table("customer", [Col("id", LogicalType.Int64), Col("city", LogicalType.String), Col("segment", LogicalType.String), Col("signed_up", LogicalType.Date)]),
                Table("orders", [Col("id", LogicalType.Int64), Col("customer_id", LogicalType.Int64), Col("ship_city", LogicalType.String), Col("segment", LogicalType.String),
                    Col("ordered", LogicalType.Date), Col("list_price", LogicalType.Float64)], Fk("orders", "customer_id", "customer")),
                Table("line", [Col("id", LogicalType.Int64), Col("order_id", LogicalType.Int64), Col("price", LogicalType.Float64), Col("quantity", LogicalType.Int64)],
                    Fk("line", "order_id", "orders")),
            ],
        });
        var rows = new Dictionary<string, List<object?[]>> { ["customer"] = customers, ["orders"] = orders, ["line"] = lines };
        schema = schema with { Tables = schema.Tables.Select(t => t with { RowCount = rows[t.Name.Name].Count, RowCountIsExact = true }).ToList() };
        return (schema, rows);
    }

    private static byte[] Saved(DatabaseModel model)
    {
        using var stream = new MemoryStream();
        DatabaseModelFile.Save(model, stream);
        return stream.ToArray();
    }

    /// <summary>
    /// Where the source keeps a session for statistics, the equal values across relationships are counted there while the
    /// tables are read on the others (a session never runs two queries at once: the in-memory source throws if it does),
    /// and the model is the one the fit makes counting them first, to the byte.
    /// </summary>
    [Fact]
    public async Task Relationship_statistics_counted_on_their_own_session_beside_the_reads_give_the_same_model()
    {
        var (schema, rows) = Database();
        var options = new DatabaseFitOptions { Synthesis = new SynthesisOptions { Seed = 11 } };
        var first = new InMemoryRowSource(schema, rows, sessions: 2);
        var beside = new InMemoryRowSource(schema, rows, sessions: 2, statisticsSession: 2);

        var counted = await DatabaseSynthesizer.FitAsync(schema, first, options, CancellationToken.None);
        var overlapped = await DatabaseSynthesizer.FitAsync(schema, beside, options, CancellationToken.None);

        Assert.Equal(Saved(counted), Saved(overlapped));
        var equalities = counted.Entry(new QualifiedName(null, "orders")).Equalities.Select(static e => e.ChildColumn).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["ordered", "segment", "ship_city"], equalities);
        Assert.Contains(counted.Entry(new QualifiedName(null, "line")).Equalities, static e => e.ChildColumn == "price");
        // Every statistic of a relationship on the statistics session, every table's rows on the others; the children per
        // parent come before the plan, on every session.
        var statistics = beside.Queries.Where(static q => q.Query.StartsWith("equal values", StringComparison.Ordinal) || q.Query.StartsWith("value pairs", StringComparison.Ordinal)).ToList();
        Assert.True(statistics.Count >= 3, $"{statistics.Count} statistics queries");
        Assert.All(statistics, static q => Assert.Equal(2, q.Session));
        Assert.All(beside.Queries.Where(static q => q.Query.StartsWith("rows", StringComparison.Ordinal)), static q => Assert.InRange(q.Session, 0, 1));
        Assert.All(first.Queries, static q => Assert.InRange(q.Session, 0, 1));
    }

    /// <summary>
    /// A model file whose bytes changed inside a value (the file still valid JSON, a count one digit off) is refused by its
    /// checksum with what to do, not sampled from; one written before the checksum (none in it) is read as it was.
    /// </summary>
    [Fact]
    public async Task A_model_file_changed_inside_a_value_is_refused_by_its_checksum()
    {
        var (schema, rows) = Database();
        var model = await DatabaseSynthesizer.FitAsync(schema, new InMemoryRowSource(schema, rows), new DatabaseFitOptions { Synthesis = new SynthesisOptions { Seed = 11 } }, CancellationToken.None);
        var text = System.Text.Encoding.UTF8.GetString(Saved(model));
        var rowsAt = text.IndexOf("\"sourceRows\":", StringComparison.Ordinal) + "\"sourceRows\":".Length;
        var changed = text[..rowsAt] + (text[rowsAt] == '9' ? '8' : (char)(text[rowsAt] + 1)) + text[(rowsAt + 1)..];
        Assert.NotNull(System.Text.Json.Nodes.JsonNode.Parse(changed));

        var refused = Assert.Throws<InvalidDataException>(() => DatabaseModelFile.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(changed)), "m.sdvm"));
        Assert.Contains("checksum", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Fit the model again", refused.Message, StringComparison.Ordinal);

        var older = System.Text.Json.Nodes.JsonNode.Parse(text)!.AsObject();
        Assert.True(older.Remove("contentSha256"));
        var loaded = DatabaseModelFile.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(older.ToJsonString())), "old.sdvm");
        Assert.Equal(Saved(model), Saved(loaded));
    }

    /// <summary>A table whose read fails while the statistics are counted beside it fails the fit with its own error, not with the cancellation it causes.</summary>
    [Fact]
    public async Task A_read_that_fails_while_statistics_are_counted_fails_the_fit_with_its_own_error()
    {
        var (schema, rows) = Database();
        var source = new InMemoryRowSource(schema, rows, sessions: 2, statisticsSession: 2) { FailingTable = "customer", ReadFailure = new InvalidDataException("the source went away") };

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => DatabaseSynthesizer.FitAsync(schema, source, new DatabaseFitOptions { Synthesis = new SynthesisOptions { Seed = 11 } }, CancellationToken.None));

        Assert.Equal("the source went away", error.Message);
    }
}
