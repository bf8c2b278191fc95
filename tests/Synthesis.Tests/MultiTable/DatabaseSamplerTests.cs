using Sdv.Connector.SchemaIntrospection.Metadata;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.MultiTable;
using Xunit;

namespace Sdv.Connector.Synthesis.Tests.MultiTable;

public sealed class DatabaseSamplerTests
{
    private static ColumnSchema Col(string name, LogicalType type, bool nullable = false) =>
        new() { Name = name, Ordinal = 0, NativeType = type.ToString(), LogicalType = type, IsNullable = nullable };

    private static TableSchema Table(string name, ColumnSchema[] columns, params ForeignKeySchema[] fks) => new()
    {
        Name = new QualifiedName(null, name),
        Columns = columns.Select((c, i) => c with { Ordinal = i + 1 }).ToList(),
        PrimaryKey = new KeySchema(null, [columns[0].Name]),
        ForeignKeys = fks,
    };

    private static ForeignKeySchema Fk(string child, string column, string parent) => new()
    {
        Table = new QualifiedName(null, child), Columns = [column], PrincipalTable = new QualifiedName(null, parent), PrincipalColumns = ["id"],
    };

    /// <summary>customer (with a tree of referrers) → orders (also → product, popular products first).</summary>
    private static DatabaseSchema Schema() => SdTypeInference.Apply(new DatabaseSchema
    {
        Engine = DatabaseEngine.Sqlite,
        Tables =
        [
            Table("customer", [Col("id", LogicalType.Int64), Col("age", LogicalType.Int64), Col("referred_by", LogicalType.Int64, true)], Fk("customer", "referred_by", "customer")),
            Table("product", [Col("id", LogicalType.Int64), Col("price", LogicalType.Float64)]),
            Table("orders", [Col("id", LogicalType.Int64), Col("customer_id", LogicalType.Int64), Col("product_id", LogicalType.Int64), Col("amount", LogicalType.Float64)],
                Fk("orders", "customer_id", "customer"), Fk("orders", "product_id", "product")),
        ],
    });

    /// <summary>
    /// Fits the database as the pipeline would, from rows held in memory: older customers order more
    /// (the count is learned jointly with the age), an order's amount follows its customer's age, and a
    /// few products take most orders.
    /// </summary>
    private static async Task<DatabaseModel> FitAsync()
    {
        var random = new Random(7);
        var customers = Enumerable.Range(1, 400).Select(i => (Id: (long)i, Age: (long)random.Next(18, 80))).ToList();
        var orderCounts = customers.Select(c => (long)Math.Max(0, Math.Round((c.Age - 18) / 12.0 + random.NextDouble() * 2 - 1))).ToList();
        var customerRows = customers.Select((c, i) => new object?[] { c.Id, c.Age, i < 20 ? null : (long)random.Next(1, i + 1) }).ToList();
        var productRows = Enumerable.Range(1, 50).Select(i => new object?[] { (long)i, 10.0 + i }).ToList();
        var orderRows = new List<object?[]>();
        long orderId = 1;
        for (var i = 0; i < customers.Count; i++)
        {
            for (var k = 0; k < orderCounts[i]; k++)
            {
                orderRows.Add([orderId++, customers[i].Id, (long)(1 + Math.Min(49, (int)(-Math.Log(1 - random.NextDouble()) * 5))), customers[i].Age * 3.0 + random.NextDouble() * 10]);
            }
        }

        var rows = new Dictionary<string, List<object?[]>> { ["customer"] = customerRows, ["product"] = productRows, ["orders"] = orderRows };
        var schema = Schema();
        schema = schema with { Tables = schema.Tables.Select(t => t with { RowCount = rows[t.Name.Name].Count, RowCountIsExact = true }).ToList() };
        return await DatabaseSynthesizer.FitAsync(schema, new InMemoryRowSource(schema, rows), new DatabaseFitOptions { Synthesis = new SynthesisOptions { Seed = 3 } }, CancellationToken.None);
    }

    private static Dictionary<string, List<object?[]>> SampleAll(DatabaseModel model, long seed, double scale = 1)
    {
        using var sampler = new DatabaseSampler(model, seed, scale);
        return sampler.Tables().ToDictionary(t => t.Table.Name.Name, t => t.Rows.ToList());
    }

    [Fact]
    public async Task Every_foreign_key_points_at_a_generated_parent_and_roots_keep_their_count()
    {
        var model = await FitAsync();
        var db = SampleAll(model, 11);
        Assert.Equal(400, db["customer"].Count);
        Assert.Equal(50, db["product"].Count);
        var customerIds = db["customer"].Select(r => (long)r[0]!).ToHashSet();
        var productIds = db["product"].Select(r => (long)r[0]!).ToHashSet();
        Assert.Equal(400, customerIds.Count);
        Assert.All(db["orders"], r => Assert.Contains((long)r[1]!, customerIds));
        Assert.All(db["orders"], r => Assert.Contains((long)r[2]!, productIds));
        // Children follow the source's total exactly (calibrated), never the noise of a few large draws.
        Assert.Equal(model.Entry(new QualifiedName(null, "orders")).SourceRows, db["orders"].Count);
    }

    [Fact]
    public async Task Self_reference_forms_a_tree_with_earlier_rows_as_parents()
    {
        var db = SampleAll(await FitAsync(), 11);
        var rows = db["customer"];
        var index = rows.Select((r, i) => ((long)r[0]!, i)).ToDictionary(p => p.Item1, p => p.i);
        var roots = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i][2] is not long parent)
            {
                roots++;
                continue;
            }
            Assert.True(index[parent] < i, "a referrer is generated before the rows it refers");
        }
        // The source has 20 roots in 400 (5%); the tree keeps a root share of that order.
        Assert.InRange(roots, 5, 60);
    }

    [Fact]
    public async Task Popular_parents_stay_popular_and_children_follow_their_parents_columns()
    {
        var db = SampleAll(await FitAsync(), 11);
        var perProduct = db["orders"].GroupBy(r => (long)r[2]!).Select(g => g.Count()).OrderByDescending(c => c).ToList();
        // Skewed in the source (exponential popularity): the top tenth of products takes far more than a tenth of orders.
        Assert.True(perProduct.Take(5).Sum() > db["orders"].Count * 0.25, $"top 5 products hold {perProduct.Take(5).Sum()} of {db["orders"].Count}");
        var age = db["customer"].ToDictionary(r => (long)r[0]!, r => (long)r[1]!);
        var perCustomer = db["orders"].GroupBy(r => (long)r[1]!).ToDictionary(g => g.Key, g => g.Count());
        var older = age.Where(a => a.Value >= 60).Average(a => perCustomer.GetValueOrDefault(a.Key));
        var younger = age.Where(a => a.Value < 30).Average(a => perCustomer.GetValueOrDefault(a.Key));
        Assert.True(older > younger * 2, $"older customers order more: {older:F2} vs {younger:F2}");
        // The child's amount (3 × the parent's age in the source) follows the synthetic parent's age.
        var amountByAge = db["orders"].Select(r => (Age: (double)age[(long)r[1]!], Amount: (double)r[3]!)).ToList();
        var correlation = Correlation(amountByAge.Select(p => p.Age).ToArray(), amountByAge.Select(p => p.Amount).ToArray());
        Assert.True(correlation > 0.8, $"amount follows the parent's age with correlation {correlation:F3}");
    }

    [Fact]
    public async Task Same_seed_same_database_other_seed_other_database_and_scale_multiplies_roots()
    {
        var model = await FitAsync();
        var a = SampleAll(model, 5);
        var b = SampleAll(model, 5);
        var c = SampleAll(model, 6);
        foreach (var table in a.Keys) Assert.Equal(a[table], b[table]);
        Assert.NotEqual(a["orders"].Select(r => r[3]), c["orders"].Select(r => r[3]));
        var doubled = SampleAll(model, 5, scale: 2);
        Assert.Equal(800, doubled["customer"].Count);
        Assert.InRange(doubled["orders"].Count, a["orders"].Count * 1.9, a["orders"].Count * 2.1);
    }

    /// <summary>
    /// A link table keyed by (list_id, track_id): the 12 lists are a lookup copied verbatim, so list_id is a code
    /// of the link table's own model; it must keep the source's lists and their popularity (two lists hold most
    /// tracks), not be numbered 1, 2, 3 within each track as a line number would be.
    /// </summary>
    [Fact]
    public async Task A_reference_code_in_a_composite_key_keeps_its_values_and_is_not_numbered_within_the_parent()
    {
        var random = new Random(5);
        var lists = Enumerable.Range(1, 12).Select(i => new object?[] { (long)i, "list " + i }).ToList();
        var tracks = Enumerable.Range(1, 600).Select(i => new object?[] { (long)i, 100.0 + random.Next(0, 400) }).ToList();
        var share = new[] { 0.0, 0.95, 0.3, 0.3, 0.3, 0.05, 0.05, 0.05, 0.95, 0.05, 0.05, 0.6, 0.05 };
        var entries = new List<object?[]>();
        foreach (var track in tracks)
        {
            for (var list = 1; list <= 12; list++)
            {
                if (random.NextDouble() < share[list]) entries.Add([(long)list, track[0]]);
            }
        }

        var schema = SdTypeInference.Apply(new DatabaseSchema
        {
            Engine = DatabaseEngine.Sqlite,
            Tables =
            [
                Table("list", [Col("id", LogicalType.Int64), Col("name", LogicalType.String)]),
                Table("track", [Col("id", LogicalType.Int64), Col("seconds", LogicalType.Float64)]),
                Table("entry", [Col("list_id", LogicalType.Int64), Col("track_id", LogicalType.Int64)], Fk("entry", "list_id", "list"), Fk("entry", "track_id", "track")) with
                {
                    PrimaryKey = new KeySchema(null, ["list_id", "track_id"]),
                },
            ],
        });
        var rows = new Dictionary<string, List<object?[]>> { ["list"] = lists, ["track"] = tracks, ["entry"] = entries };
        schema = schema with { Tables = schema.Tables.Select(t => t with { RowCount = rows[t.Name.Name].Count, RowCountIsExact = true }).ToList() };
        // One try per row: a repeated pair goes straight to the repair, which this test is about (with the default 100
        // redraws most repeats are resolved before it).
        var options = new DatabaseFitOptions { Synthesis = new SynthesisOptions { Seed = 3, MaxRejectionTries = 1 } };
        var model = await DatabaseSynthesizer.FitAsync(schema, new InMemoryRowSource(schema, rows), options, CancellationToken.None);
        Assert.True(model.Entry(new QualifiedName(null, "list")).IsReference, "12 lists under 600 tracks are a lookup");

        var db = SampleAll(model, 11);
        var perList = db["entry"].GroupBy(r => (long)r[0]!).ToDictionary(g => g.Key, g => g.Count());
        var real = entries.GroupBy(r => (long)r[0]!).ToDictionary(g => g.Key, g => g.Count());
        // The two lists that hold most tracks in the source hold most in the clone, whatever their ids.
        Assert.Equal(real.OrderByDescending(p => p.Value).Take(2).Select(p => p.Key).Order(), perList.OrderByDescending(p => p.Value).Take(2).Select(p => p.Key).Order());
        Assert.True(perList.Count >= 10, $"entries use {perList.Count} of 12 lists");
        Assert.Equal(db["entry"].Count, db["entry"].Select(r => (r[0], r[1])).Distinct().Count());
        // Each track is in about four lists, two of them nearly always the same: a repeated pair gets another
        // list rather than being dropped, so the clone keeps the source's number of entries.
        Assert.InRange(db["entry"].Count, entries.Count * 0.97, entries.Count * 1.03);
    }

    /// <summary>
    /// A line's price is its product's in 70% of the source's lines and 80% of it in the others (sold before a
    /// rise): the product is a second parent of the line, and the clone keeps the equality in about that share of
    /// its lines, so the line's price still follows its product's.
    /// </summary>
    [Fact]
    public async Task A_price_equal_to_the_second_parents_in_most_rows_stays_equal_in_that_share()
    {
        var random = new Random(6);
        var customers = Enumerable.Range(1, 300).Select(i => new object?[] { (long)i, (long)random.Next(18, 80) }).ToList();
        var products = Enumerable.Range(1, 60).Select(i => new object?[] { (long)i, Math.Round(5 + random.NextDouble() * 95, 2) }).ToList();
        var lines = new List<object?[]>();
        for (var id = 1; id <= 3_000; id++)
        {
            var product = products[random.Next(products.Count)];
            var price = (double)product[1]!;
            lines.Add([(long)id, (long)random.Next(1, 301), product[0], random.NextDouble() < 0.7 ? price : Math.Round(price * 0.8, 2)]);
        }

        var schema = SdTypeInference.Apply(new DatabaseSchema
        {
            Engine = DatabaseEngine.Sqlite,
            Tables =
            [
                Table("customer", [Col("id", LogicalType.Int64), Col("age", LogicalType.Int64)]),
                Table("product", [Col("id", LogicalType.Int64), Col("price", LogicalType.Float64)]),
                Table("line", [Col("id", LogicalType.Int64), Col("customer_id", LogicalType.Int64), Col("product_id", LogicalType.Int64), Col("price", LogicalType.Float64)],
                    Fk("line", "customer_id", "customer"), Fk("line", "product_id", "product")),
            ],
        });
        var rows = new Dictionary<string, List<object?[]>> { ["customer"] = customers, ["product"] = products, ["line"] = lines };
        schema = schema with { Tables = schema.Tables.Select(t => t with { RowCount = rows[t.Name.Name].Count, RowCountIsExact = true }).ToList() };
        var model = await DatabaseSynthesizer.FitAsync(schema, new InMemoryRowSource(schema, rows), new DatabaseFitOptions { Synthesis = new SynthesisOptions { Seed = 3 } }, CancellationToken.None);
        var equality = Assert.Single(model.Entry(new QualifiedName(null, "line")).Equalities);
        Assert.True(equality.IsPartial, $"share {equality.Share:F2}");

        var db = SampleAll(model, 11);
        var productPrice = db["product"].ToDictionary(r => (long)r[0]!, r => (double)r[1]!);
        var pairs = db["line"].Select(r => (Line: (double)r[3]!, Product: productPrice[(long)r[2]!])).ToList();
        var equalShare = pairs.Count(p => p.Line == p.Product) / (double)pairs.Count;
        Assert.InRange(equalShare, 0.6, 0.8);
        var correlation = Correlation(pairs.Select(p => p.Line).ToArray(), pairs.Select(p => p.Product).ToArray());
        // The other lines are 0.8 times their product's price, as in the source (drawn freely: 0.75).
        Assert.True(correlation > 0.95, $"a line's price follows its product's with correlation {correlation:F3}");
        var ratio = Assert.Single(equality.Ratios!);
        Assert.Equal(0.8, ratio.Ratio);
        Assert.Equal(2, equality.RatioDecimals);
        var atRatio = pairs.Count(p => p.Line != p.Product && Math.Abs(p.Line - Math.Round(p.Product * 0.8, 2)) < 1e-9) / (double)pairs.Count;
        Assert.InRange(atRatio, 0.2, 0.4);
    }

    /// <summary>
    /// A shipment leaves 1 to 4 days after its order and arrives 7 to 90 days after it, orders spread over four years. The
    /// clone's shipments leave and arrive as long after their synthetic order (drawn on their own, half of the demo's
    /// prescriptions started before their visit); a date of the child that does not follow the parent's keeps its own draw.
    /// </summary>
    [Fact]
    public async Task A_childs_date_that_follows_its_parents_closely_follows_the_synthetic_parents()
    {
        var random = new Random(4);
        var start = new DateOnly(2019, 1, 1);
        var orders = Enumerable.Range(1, 400).Select(i => new object?[] { (long)i, start.AddDays(random.Next(0, 1500)) }).ToList();
        var shipments = new List<object?[]>();
        for (var id = 1; id <= 1_200; id++)
        {
            var order = orders[random.Next(orders.Count)];
            var date = (DateOnly)order[1]!;
            shipments.Add([(long)id, order[0], date.AddDays(random.Next(1, 5)), date.AddDays(random.Next(7, 91)), start.AddDays(random.Next(0, 1500))]);
        }

        var schema = SdTypeInference.Apply(new DatabaseSchema
        {
            Engine = DatabaseEngine.Sqlite,
            Tables =
            [
                Table("orders", [Col("id", LogicalType.Int64), Col("ordered", LogicalType.Date)]),
                Table("shipment", [Col("id", LogicalType.Int64), Col("order_id", LogicalType.Int64), Col("shipped", LogicalType.Date), Col("arrived", LogicalType.Date),
                    Col("audited", LogicalType.Date)], Fk("shipment", "order_id", "orders")),
            ],
        });
        var rows = new Dictionary<string, List<object?[]>> { ["orders"] = orders, ["shipment"] = shipments };
        schema = schema with { Tables = schema.Tables.Select(t => t with { RowCount = rows[t.Name.Name].Count, RowCountIsExact = true }).ToList() };
        var model = await DatabaseSynthesizer.FitAsync(schema, new InMemoryRowSource(schema, rows), new DatabaseFitOptions { Synthesis = new SynthesisOptions { Seed = 3 } }, CancellationToken.None);
        var offsets = model.Entry(new QualifiedName(null, "shipment")).Equalities.OrderBy(e => e.ChildColumn, StringComparer.Ordinal).ToList();
        Assert.Equal(["arrived", "shipped"], offsets.Select(e => e.ChildColumn));
        Assert.All(offsets, e => Assert.Equal("ordered", e.ParentColumn));
        // The ends are the 5th smallest and largest offsets, not the extremes one row has.
        Assert.Equal((1, 4), (offsets[1].Offsets![0], offsets[1].Offsets![^1]));

        var db = SampleAll(model, 5);
        var ordered = db["orders"].ToDictionary(r => (long)r[0]!, r => (DateOnly)r[1]!);
        var shipped = db["shipment"].Select(r => ((DateOnly)r[2]!).DayNumber - ordered[(long)r[1]!].DayNumber).ToList();
        Assert.All(shipped, d => Assert.InRange(d, 1, 4));
        Assert.Equal(4, shipped.Distinct().Count());
        var arrived = db["shipment"].Select(r => ((DateOnly)r[3]!).DayNumber - ordered[(long)r[1]!].DayNumber).ToList();
        Assert.All(arrived, d => Assert.InRange(d, 7, 90));
        // The audit date, unrelated to the order, is still drawn on its own: before its order in about half the rows.
        var audited = db["shipment"].Count(r => (DateOnly)r[4]! < ordered[(long)r[1]!]) / (double)db["shipment"].Count;
        Assert.InRange(audited, 0.3, 0.7);
    }

    /// <summary>
    /// Chinook's clone had its one root employee a "Product Manager", and a "Chief Executive Officer" reporting to them:
    /// titles are drawn per row, blind to the tree. Here every title is rare, so all are written anew; the head of the
    /// hierarchy (the row that reports to no one) holds a head's title and no one below does.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task The_head_of_a_hierarchy_holds_a_heads_title_and_no_one_below_does(long seed)
    {
        var random = new Random(9);
        var employees = Enumerable.Range(1, 30).Select(i => new object?[] { (long)i, i == 1 ? null : (long)random.Next(1, i), $"Specialist grade {i / 2}" }).ToList();
        var schema = SdTypeInference.Apply(new DatabaseSchema
        {
            Engine = DatabaseEngine.Sqlite,
            Tables = [Table("employee", [Col("id", LogicalType.Int64), Col("reports_to", LogicalType.Int64, true), Col("title", LogicalType.String)], Fk("employee", "reports_to", "employee"))],
        });
        var rows = new Dictionary<string, List<object?[]>> { ["employee"] = employees };
        schema = schema with { Tables = schema.Tables.Select(t => t with { RowCount = 30, RowCountIsExact = true }).ToList() };
        var model = await DatabaseSynthesizer.FitAsync(schema, new InMemoryRowSource(schema, rows), new DatabaseFitOptions { Synthesis = new SynthesisOptions { Seed = seed } }, CancellationToken.None);

        var clone = SampleAll(model, seed)["employee"];

        Assert.Single(clone, static r => r[1] is null);
        Assert.All(clone, r => Assert.Equal(r[1] is null, Sdv.Connector.Synthesis.Generators.CommonJobTitles.IsHead((string)r[2]!)));
        Assert.True(clone.Select(static r => r[2]).Distinct().Count() > 5);
    }

    /// <summary>
    /// An invoice carries its order's date (equal in every row) and is due 14, 28 or 42 days after it. The parent's date
    /// is copied into the invoice after the invoice's row was drawn, and the due date follows the parent's only as
    /// quantiles: the due date is written again from the invoice's own date, so it is 14, 28 or 42 days after it in
    /// every row of the clone, never 19 or 33, and never before it.
    /// </summary>
    [Fact]
    public async Task A_date_that_follows_one_copied_from_the_parent_follows_the_copy_by_the_sources_differences()
    {
        var random = new Random(6);
        var start = new DateOnly(2019, 1, 1);
        int[] terms = [14, 28, 42];
        var orders = Enumerable.Range(1, 300).Select(i => new object?[] { (long)i, start.AddDays(random.Next(0, 1500)) }).ToList();
        var invoices = new List<object?[]>();
        for (var id = 1; id <= 900; id++)
        {
            var order = orders[random.Next(orders.Count)];
            var date = (DateOnly)order[1]!;
            invoices.Add([(long)id, order[0], date, date.AddDays(terms[random.Next(3)])]);
        }

        var schema = SdTypeInference.Apply(new DatabaseSchema
        {
            Engine = DatabaseEngine.Sqlite,
            Tables =
            [
                Table("orders", [Col("id", LogicalType.Int64), Col("ordered", LogicalType.Date)]),
                Table("invoice", [Col("id", LogicalType.Int64), Col("order_id", LogicalType.Int64), Col("invoiced", LogicalType.Date), Col("due", LogicalType.Date)],
                    Fk("invoice", "order_id", "orders")),
            ],
        });
        var rows = new Dictionary<string, List<object?[]>> { ["orders"] = orders, ["invoice"] = invoices };
        schema = schema with { Tables = schema.Tables.Select(t => t with { RowCount = rows[t.Name.Name].Count, RowCountIsExact = true }).ToList() };
        var model = await DatabaseSynthesizer.FitAsync(schema, new InMemoryRowSource(schema, rows), new DatabaseFitOptions { Synthesis = new SynthesisOptions { Seed = 3 } }, CancellationToken.None);
        Assert.Contains(model.Entry(new QualifiedName(null, "invoice")).Model.Data.Offsets, o => o is { Anchor: "invoiced", Dependent: "due" });

        var db = SampleAll(model, 5);
        var ordered = db["orders"].ToDictionary(r => (long)r[0]!, r => (DateOnly)r[1]!);
        Assert.All(db["invoice"], r => Assert.Equal(ordered[(long)r[1]!], (DateOnly)r[2]!));
        var due = db["invoice"].Select(r => ((DateOnly)r[3]!).DayNumber - ((DateOnly)r[2]!).DayNumber).ToList();
        Assert.All(due, d => Assert.Contains(d, terms));
        Assert.All(terms, t => Assert.InRange(due.Count(d => d == t) / (double)due.Count, 0.25, 0.42));
    }

    /// <summary>
    /// A visit is never before its patient registered, though it may come years after: too far to follow the
    /// registration by a learned difference, and drawn given the patient's columns some visits still fell before it.
    /// The clone keeps every visit on or after its synthetic patient's registration, and the dates it drew where they
    /// already were (the spread of the gaps stays the source's, not a pile at the registration day).
    /// </summary>
    /// <remarks>With <paramref name="registeredAtTime"/>, the registration is a timestamp (at a time of day) and the visit a date on or after its day.</remarks>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_date_never_before_the_parents_stays_on_or_after_it_without_being_pinned_to_it(bool registeredAtTime)
    {
        var random = new Random(11);
        var start = new DateOnly(2015, 1, 1);
        var patients = Enumerable.Range(1, 300).Select(i => new object?[] { (long)i, start.AddDays(random.Next(0, 1800)) }).ToList();
        var visits = new List<object?[]>();
        for (var id = 1; id <= 3_000; id++)
        {
            var patient = patients[random.Next(patients.Count)];
            visits.Add([(long)id, patient[0], ((DateOnly)patient[1]!).AddDays(random.Next(0, 2000))]);
        }
        if (registeredAtTime)
        {
            foreach (var patient in patients) patient[1] = ((DateOnly)patient[1]!).ToDateTime(new TimeOnly(random.Next(8, 18), random.Next(60), 0));
        }

        var schema = SdTypeInference.Apply(new DatabaseSchema
        {
            Engine = DatabaseEngine.Sqlite,
            Tables =
            [
                Table("patient", [Col("id", LogicalType.Int64), Col("registered", registeredAtTime ? LogicalType.DateTime : LogicalType.Date)]),
                Table("visit", [Col("id", LogicalType.Int64), Col("patient_id", LogicalType.Int64), Col("visited", LogicalType.Date)], Fk("visit", "patient_id", "patient")),
            ],
        });
        var rows = new Dictionary<string, List<object?[]>> { ["patient"] = patients, ["visit"] = visits };
        schema = schema with { Tables = schema.Tables.Select(t => t with { RowCount = rows[t.Name.Name].Count, RowCountIsExact = true }).ToList() };
        var model = await DatabaseSynthesizer.FitAsync(schema, new InMemoryRowSource(schema, rows), new DatabaseFitOptions { Synthesis = new SynthesisOptions { Seed = 3 } }, CancellationToken.None);
        Assert.Contains(model.Entry(new QualifiedName(null, "visit")).Equalities, e => e is { ChildColumn: "visited", ParentColumn: "registered", FloorOnly: true });

        var lastVisit = visits.Max(static v => (DateOnly)v[2]!);
        foreach (var seed in new[] { 5, 6 })
        {
            var db = SampleAll(model, seed);
            var registered = db["patient"].ToDictionary(r => (long)r[0]!, r => r[1] is DateTime time ? DateOnly.FromDateTime(time) : (DateOnly)r[1]!);
            var gaps = db["visit"].Select(r => ((DateOnly)r[2]!).DayNumber - registered[(long)r[1]!].DayNumber).Order().ToList();
            Assert.All(gaps, g => Assert.True(g >= 0, $"a visit {-g} days before its patient registered"));
            // A visit moved after a patient registered late stays within the source's years.
            Assert.All(db["visit"], r => Assert.True((DateOnly)r[2]! <= lastVisit, $"a visit on {r[2]}, after the source's last ({lastVisit})"));
            // The source's gaps are uniform over 0-2,000 days: median 1,000, and hardly any on the day itself.
            Assert.InRange(gaps[gaps.Count / 2], 700, 1_300);
            Assert.InRange(gaps.Count(static g => g == 0) / (double)gaps.Count, 0, 0.01);
        }
    }

    /// <summary>
    /// An order ships to its customer's address and city in 95% of the source's orders, and elsewhere in the others (a
    /// new address in a new city), and its segment is its customer's in 96%. Personal data are written by generators and
    /// segments have twenty values, so none of these is equal by chance: the clone keeps each equality in its share, and
    /// an order shipped elsewhere is elsewhere on both columns. A priority of two values that agrees with the customer's
    /// in 68% of the rows, as chance alone gives, is not made equal.
    /// </summary>
    [Fact]
    public async Task Personal_data_and_categories_equal_to_the_parents_in_most_rows_stay_equal_in_that_share_together()
    {
        var random = new Random(8);
        string Priority() => random.NextDouble() < 0.8 ? "normal" : "urgent";
        var cities = Enumerable.Range(0, 40).Select(i => $"Town{(char)('A' + i % 26)}{i}").ToArray();
        var customers = Enumerable.Range(1, 300)
            .Select(i => new object?[] { (long)i, $"{random.Next(1, 999)} Main Street {i}", cities[random.Next(cities.Length)], $"segment {random.Next(20)}", Priority() })
            .ToList();
        var orders = new List<object?[]>();
        for (var id = 1; id <= 3_000; id++)
        {
            var customer = customers[random.Next(customers.Count)];
            var elsewhere = random.NextDouble() < 0.05;
            orders.Add([(long)id, customer[0], elsewhere ? $"{random.Next(1, 999)} Side Road {id}" : customer[1], elsewhere ? $"Village{id}" : customer[2],
                random.NextDouble() < 0.96 ? customer[3] : $"segment {random.Next(20)}", Priority()]);
        }

        ColumnSchema[] Columns(params string[] names) => [Col("id", LogicalType.Int64), .. names.Select(n => Col(n, LogicalType.String))];
        var schema = SdTypeInference.Apply(new DatabaseSchema
        {
            Engine = DatabaseEngine.Sqlite,
            Tables =
            [
                Table("customer", Columns("address", "city", "segment", "priority")),
                Table("orders", [Col("id", LogicalType.Int64), Col("customer_id", LogicalType.Int64), .. Columns("ship_address", "ship_city", "segment", "priority").Skip(1)],
                    Fk("orders", "customer_id", "customer")),
            ],
        });
        var rows = new Dictionary<string, List<object?[]>> { ["customer"] = customers, ["orders"] = orders };
        schema = schema with { Tables = schema.Tables.Select(t => t with { RowCount = rows[t.Name.Name].Count, RowCountIsExact = true }).ToList() };
        Assert.Equal(SdType.Pii, schema.Table(new QualifiedName(null, "orders")).Column("ship_city").SdType);
        Assert.Equal(SdType.Categorical, schema.Table(new QualifiedName(null, "orders")).Column("segment").SdType);
        var model = await DatabaseSynthesizer.FitAsync(schema, new InMemoryRowSource(schema, rows), new DatabaseFitOptions { Synthesis = new SynthesisOptions { Seed = 3 } }, CancellationToken.None);
        var equalities = model.Entry(new QualifiedName(null, "orders")).Equalities.ToDictionary(e => e.ChildColumn, StringComparer.Ordinal);
        Assert.Equal(["segment", "ship_address", "ship_city"], equalities.Keys.Order(StringComparer.Ordinal));
        Assert.All(equalities.Values, e => Assert.True(e.IsPartial && e.Share > 0.9, $"{e.ChildColumn}: share {e.Share:F3}"));
        // A category is copied only where it is one of the orders' own (here every segment is common to both tables).
        Assert.Equal([true, false, false], new[] { "segment", "ship_address", "ship_city" }.Select(c => equalities[c].KeptCategoriesOnly));

        var db = SampleAll(model, 5);
        var byId = db["customer"].ToDictionary(r => (long)r[0]!);
        var pairs = db["orders"].Select(r => (Order: r, Customer: byId[(long)r[1]!])).ToList();
        double Share(Func<(object?[] Order, object?[] Customer), bool> equal) => pairs.Count(equal) / (double)pairs.Count;
        Assert.InRange(Share(p => Equals(p.Order[2], p.Customer[1])), 0.9, 0.99);
        Assert.InRange(Share(p => Equals(p.Order[3], p.Customer[2])), 0.9, 0.99);
        var segmentShare = Share(p => Equals(p.Order[4], p.Customer[3]));
        // The other rows keep the segment they drew, conditioned on their customer's: most draw the same one.
        Assert.True(segmentShare > 0.9, $"segment equal in {segmentShare:F3}");
        // Shipped elsewhere on one column means elsewhere on the other (independent draws: about 5% of the rows split). An
        // order shipped elsewhere may still be in its customer's city by chance (generated cities are real ones, which repeat).
        Assert.Equal(0, pairs.Count(p => Equals(p.Order[2], p.Customer[1]) && !Equals(p.Order[3], p.Customer[2])));
        Assert.InRange(pairs.Count(p => !Equals(p.Order[2], p.Customer[1]) && Equals(p.Order[3], p.Customer[2])), 0, 0.01 * pairs.Count);
        Assert.InRange(Share(p => Equals(p.Order[5], p.Customer[4])), 0.55, 0.8);
    }

    /// <summary>
    /// Forty customers in forty regions (each rare, so written anew), each with 30 orders whose region is the customer's in
    /// 95% of them (so each region is common among orders). The equality holds in the source, but a customer's new region
    /// is no region the orders have: an order keeps a region of the orders' own rather than one the source's orders never
    /// name (Northwind's orders got US state codes their source never had: ship region's shape 0.71 → 0.23).
    /// </summary>
    [Fact]
    public async Task A_category_equal_to_the_parents_in_part_of_the_rows_is_copied_only_where_the_child_keeps_it()
    {
        var random = new Random(12);
        var customers = Enumerable.Range(1, 40).Select(i => new object?[] { (long)i, $"Region {i}" }).ToList();
        var orders = new List<object?[]>();
        foreach (var c in customers)
        {
            for (var k = 0; k < 30; k++) orders.Add([(long)orders.Count + 1, c[0], random.NextDouble() < 0.95 ? c[1] : $"Region {random.Next(1, 41)}"]);
        }

        var schema = SdTypeInference.Apply(new DatabaseSchema
        {
            Engine = DatabaseEngine.Sqlite,
            Tables =
            [
                Table("customer", [Col("id", LogicalType.Int64), Col("area", LogicalType.String)]),
                Table("orders", [Col("id", LogicalType.Int64), Col("customer_id", LogicalType.Int64), Col("ship_area", LogicalType.String)], Fk("orders", "customer_id", "customer")),
            ],
        });
        var rows = new Dictionary<string, List<object?[]>> { ["customer"] = customers, ["orders"] = orders };
        schema = schema with { Tables = schema.Tables.Select(t => t with { RowCount = rows[t.Name.Name].Count, RowCountIsExact = true }).ToList() };
        var model = await DatabaseSynthesizer.FitAsync(schema, new InMemoryRowSource(schema, rows), new DatabaseFitOptions { Synthesis = new SynthesisOptions { Seed = 3 } }, CancellationToken.None);
        var equality = Assert.Single(model.Entry(new QualifiedName(null, "orders")).Equalities);
        Assert.True(equality.KeptCategoriesOnly && equality.IsPartial);

        var db = SampleAll(model, 7);
        var realAreas = orders.Select(o => (string)o[2]!).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(db["customer"], c => realAreas.Contains((string)c[1]!));
        Assert.All(db["orders"], o => Assert.Contains((string)o[2]!, realAreas));
    }

    /// <summary>
    /// An order's country is its customer's in every row, and its VAT prefix follows its country. Austria is rare among
    /// customers (3, under k, so no synthetic customer is Austrian) but common among orders (60): an order drawn as
    /// Austrian and then given its customer's country kept the prefix AT ("Germany, AT": 162 of 380 orders with the
    /// copula, whose draw follows the parent loosely). The country is now given before the row is drawn, so the prefix
    /// follows the country the order ends up with.
    /// </summary>
    [Fact]
    public async Task A_column_copied_from_the_parent_is_given_to_the_rows_draw_so_the_rows_other_columns_follow_it()
    {
        var random = new Random(9);
        var prefixes = new Dictionary<string, string>(StringComparer.Ordinal) { ["Germany"] = "DE", ["France"] = "FR", ["Austria"] = "AT" };
        var customers = Enumerable.Range(1, 123).Select(i => new object?[] { (long)i, i <= 60 ? "Germany" : i <= 120 ? "France" : "Austria" }).ToList();
        var orders = new List<object?[]>();
        foreach (var c in customers)
        {
            var country = (string)c[1]!;
            for (var k = 0; k < (country == "Austria" ? 20 : random.Next(1, 6)); k++) orders.Add([(long)orders.Count + 1, c[0], country, prefixes[country]]);
        }

        var schema = SdTypeInference.Apply(new DatabaseSchema
        {
            Engine = DatabaseEngine.Sqlite,
            Tables =
            [
                Table("customer", [Col("id", LogicalType.Int64), Col("nation", LogicalType.String)]),
                Table("orders", [Col("id", LogicalType.Int64), Col("customer_id", LogicalType.Int64), Col("ship_nation", LogicalType.String), Col("vat_prefix", LogicalType.String)],
                    Fk("orders", "customer_id", "customer")),
            ],
        });
        var rows = new Dictionary<string, List<object?[]>> { ["customer"] = customers, ["orders"] = orders };
        schema = schema with { Tables = schema.Tables.Select(t => t with { RowCount = rows[t.Name.Name].Count, RowCountIsExact = true }).ToList() };
        var model = await DatabaseSynthesizer.FitAsync(schema, new InMemoryRowSource(schema, rows), new DatabaseFitOptions { Synthesis = new SynthesisOptions { Seed = 3, Model = ModelKind.Copula } }, CancellationToken.None);
        var equality = Assert.Single(model.Entry(new QualifiedName(null, "orders")).Equalities);
        Assert.Equal(("ship_nation", "nation", false), (equality.ChildColumn, equality.ParentColumn, equality.IsPartial));

        var db = SampleAll(model, 5);
        var nation = db["customer"].ToDictionary(r => (long)r[0]!, r => (string)r[1]!);
        Assert.DoesNotContain("Austria", nation.Values);
        Assert.All(db["orders"], r => Assert.Equal(nation[(long)r[1]!], r[2]));
        var mismatched = db["orders"].Count(r => prefixes[(string)r[2]!] != (string?)r[3]);
        Assert.True(mismatched == 0, $"{mismatched} of {db["orders"].Count} orders have a VAT prefix of another country");
    }

    /// <summary>
    /// Eight employees, one of whom (the general manager) reports to no one: every clone has one root, whatever its seed
    /// (a coin per row gave Chinook's clone two), and 400 customers of whom 20 were referred by no one have 20 roots, give or take one.
    /// </summary>
    [Fact]
    public async Task A_self_reference_has_the_sources_share_of_roots_to_within_one()
    {
        var employees = Enumerable.Range(1, 8).Select(i => new object?[] { (long)i, (long)(30 + i), i == 1 ? null : (long)(i <= 3 ? 1 : i <= 5 ? 2 : 3) }).ToList();
        var schema = SdTypeInference.Apply(new DatabaseSchema
        {
            Engine = DatabaseEngine.Sqlite,
            Tables = [Table("employee", [Col("id", LogicalType.Int64), Col("age", LogicalType.Int64), Col("reports_to", LogicalType.Int64, true)], Fk("employee", "reports_to", "employee"))],
        });
        var rows = new Dictionary<string, List<object?[]>> { ["employee"] = employees };
        schema = schema with { Tables = schema.Tables.Select(t => t with { RowCount = rows[t.Name.Name].Count, RowCountIsExact = true }).ToList() };
        var model = await DatabaseSynthesizer.FitAsync(schema, new InMemoryRowSource(schema, rows), new DatabaseFitOptions { Synthesis = new SynthesisOptions { Seed = 3 } }, CancellationToken.None);
        for (var seed = 1; seed <= 20; seed++)
        {
            var clone = SampleAll(model, seed)["employee"];
            Assert.Equal(8, clone.Count);
            Assert.Equal(1, clone.Count(r => r[2] is null));
        }

        var db = SampleAll(await FitAsync(), 11);
        Assert.InRange(db["customer"].Count(r => r[2] is null), 19, 21);
    }

    /// <summary>
    /// A flat list under one head (a forum's root post and 300 replies) stays flat, and a three-level tree (3 heads of 10
    /// managers of 10 staff each) keeps its heads' and its managers' spans: drawing parents by popularity alone made a
    /// chain of rows with one or two children each.
    /// </summary>
    [Theory]
    [InlineData("flat")]
    [InlineData("levels")]
    public async Task A_self_reference_keeps_the_sources_children_per_row_for_roots_and_the_rest(string shape)
    {
        var nodes = new List<object?[]>();
        if (shape == "flat")
        {
            nodes.Add([1L, 40L, null]);
            for (var i = 2; i <= 301; i++) nodes.Add([(long)i, (long)(20 + (i % 30)), 1L]);
        }
        else
        {
            for (var h = 1; h <= 3; h++) nodes.Add([(long)h, 60L, null]);
            for (var m = 0; m < 30; m++) nodes.Add([(long)(4 + m), 45L, (long)(1 + (m / 10))]);
            for (var w = 0; w < 300; w++) nodes.Add([(long)(34 + w), 30L, (long)(4 + (w / 10))]);
        }

        var schema = SdTypeInference.Apply(new DatabaseSchema
        {
            Engine = DatabaseEngine.Sqlite,
            Tables = [Table("node", [Col("id", LogicalType.Int64), Col("age", LogicalType.Int64), Col("parent", LogicalType.Int64, true)], Fk("node", "parent", "node"))],
        });
        var rows = new Dictionary<string, List<object?[]>> { ["node"] = nodes };
        schema = schema with { Tables = schema.Tables.Select(t => t with { RowCount = nodes.Count, RowCountIsExact = true }).ToList() };
        var model = await DatabaseSynthesizer.FitAsync(schema, new InMemoryRowSource(schema, rows), new DatabaseFitOptions { Synthesis = new SynthesisOptions { Seed = 3 } }, CancellationToken.None);
        for (var seed = 1; seed <= 5; seed++)
        {
            var clone = SampleAll(model, seed)["node"];
            var children = clone.Where(r => r[2] is long).GroupBy(r => (long)r[2]!).ToDictionary(g => g.Key, g => g.Count());
            var roots = clone.Where(r => r[2] is null).Select(r => (long)r[0]!).ToList();
            if (shape == "flat")
            {
                Assert.Single(roots);
                Assert.True(children.GetValueOrDefault(roots[0]) >= 290, $"seed {seed}: the head has {children.GetValueOrDefault(roots[0])} of 300 replies");
                continue;
            }

            Assert.Equal(3, roots.Count);
            var spans = $"seed {seed}: roots {string.Join(",", roots.Select(r => children.GetValueOrDefault(r)))}, spans {string.Join(",", children.Values.Order())}";
            // Each head leads about its ten (a few more where places ran out late), and the rows with children are the
            // heads and about 30 managers, most with eight to fourteen: popularity alone gave about a hundred.
            Assert.True(roots.All(r => children.GetValueOrDefault(r) is >= 7 and <= 18), spans);
            Assert.True(children.Count is >= 28 and <= 45, spans);
            Assert.True(children.Values.Count(c => c is >= 7 and <= 14) >= 22, spans);
        }
    }

    /// <summary>Chance agreement of two columns of "active" in 80% of rows each, drawn apart: 0.8 × 0.8 + 0.2 × 0.2.</summary>
    [Fact]
    public void The_share_chance_gives_two_columns_is_the_sum_of_their_categories_shares_products()
    {
        Assert.Equal(0.68, DatabaseSynthesizer.ChanceEqualShare([("active", "active", 64), ("active", "idle", 16), ("idle", "active", 16), ("idle", "idle", 4)]), 12);
        // The two sides may read as different types of one kind (an int and a bigint): equal values still meet.
        Assert.Equal(0.5, DatabaseSynthesizer.ChanceEqualShare([(1, 1L, 25), (1, 2L, 25), (2, 1L, 25), (2, 2L, 25)]), 12);
        Assert.Equal(1, DatabaseSynthesizer.ChanceEqualShare([]));
    }

    /// <summary>The multiples a partial equality's other rows take: those at least k rows share, when they cover enough of them.</summary>
    [Fact]
    public void Ratios_keep_the_multiples_at_least_k_rows_share()
    {
        // 40 rows at 0.8, 6 at 1.2 (0.7999 and 1.2004 round to them), 3 at 0.5: with k = 5 the 0.5 is one row's secret.
        var learned = ValueRatios.Learn([(8.0, 10.0, 30), (79.99, 100.0, 10), (12.004, 10.0, 6), (5.0, 10.0, 3)], rareK: 5);
        Assert.NotNull(learned);
        var (ratios, coverage, decimals) = learned.Value;
        Assert.Equal([0.8, 1.2], ratios.Select(r => r.Ratio));
        Assert.Equal(40 / 46.0, ratios[0].Weight, 9);
        Assert.Equal(46 / 49.0, coverage, 9);
        Assert.Equal(3, decimals);

        // Scattered values share no multiple: nothing is kept, the rows keep the values they draw.
        Assert.Null(ValueRatios.Learn(Enumerable.Range(1, 50).Select(i => (i * 1.37, 100.0, 1L)).ToList(), rareK: 5));
        // Negative or zero values have no meaningful multiple.
        Assert.Null(ValueRatios.Learn([(-8.0, 10.0, 30), (0.0, 10.0, 30)], rareK: 5));

        // Derived in the type the row drew, at the source's decimals, the multiple chosen by weight.
        Assert.Equal(19.96m, ValueRatios.Derive(24.95m, ratios, 2, 1m, draw: 0.1));
        Assert.Equal(29.94, ValueRatios.Derive(24.95, ratios, 2, 1.0, draw: 0.99));
        Assert.Equal(20L, ValueRatios.Derive(24.95, ratios, 0, 7L, draw: 0.1));
        Assert.Null(ValueRatios.Derive(null, ratios, 2, null, draw: 0.1));
    }

    [Fact]
    public void Calibration_hits_the_expected_total_and_keeps_zeroes()
    {
        var calibrated = ChildCountCalibration.Calibrate([0, 10, 5, 0, 25], 20, atMostOne: false);
        Assert.Equal(20, calibrated.Sum());
        Assert.Equal(0, calibrated[0]);
        Assert.Equal(0, calibrated[3]);
        Assert.True(calibrated[4] > calibrated[1] && calibrated[1] > calibrated[2]);
        Assert.All(ChildCountCalibration.Calibrate([3, 3, 3], 2, atMostOne: true), c => Assert.InRange(c, 0, 1));
    }

    [Fact]
    public void Calibration_of_a_short_draw_over_few_parents_reaches_the_total_within_the_source_maximum()
    {
        // 20 parents drew 400 children where the source has 500 per 20 parents, its fullest parent 40.
        long[] Drawn() => [.. Enumerable.Range(0, 20).Select(static i => (long)(10 + i))];
        var capped = ChildCountCalibration.Calibrate(Drawn(), 500, atMostOne: false);
        Assert.Equal(500, capped.Sum()); // capped at the largest draw (29), the rest goes to parents with room
        Assert.All(capped, c => Assert.InRange(c, 0, 29));
        var calibrated = ChildCountCalibration.Calibrate(Drawn(), 500, atMostOne: false, sourceMost: 40);
        Assert.Equal(500, calibrated.Sum());
        Assert.All(calibrated, c => Assert.InRange(c, 0, 40));
        Assert.True(calibrated[19] > calibrated[0], "the parents keep their order of size");
        // Where even the source maximum cannot hold them, rows are missing rather than invented.
        var full = ChildCountCalibration.Calibrate(Drawn(), 1000, atMostOne: false, sourceMost: 30);
        Assert.All(full, c => Assert.Equal(30, c));
        // Held back at the very end, with only earlier parents left to take it.
        var tail = ChildCountCalibration.Calibrate([4, 4, 2, 10], 40, atMostOne: false, sourceMost: 12);
        Assert.Equal(40, tail.Sum());
        Assert.All(tail, c => Assert.InRange(c, 1, 12));
    }

    [Fact]
    public void Calibration_keeps_every_parent_at_the_source_fewest_where_every_source_parent_has_children()
    {
        // Tracks each in 2 to 5 playlists: scaled down, no track may fall to 0 or 1.
        long[] drawn = [2, 5, 3, 2, 4, 5, 2, 3, 2, 2];
        var calibrated = ChildCountCalibration.Calibrate(drawn, 25, atMostOne: false, sourceMost: 5, sourceLeast: 2);
        Assert.Equal(25, calibrated.Sum());
        Assert.All(calibrated, c => Assert.InRange(c, 2, 5));
        // Where the total cannot give every parent the floor, the total wins.
        var short_ = ChildCountCalibration.Calibrate([2, 2, 2, 2], 5, atMostOne: false, sourceMost: 5, sourceLeast: 2);
        Assert.Equal(5, short_.Sum());
    }

    private static double Correlation(double[] x, double[] y)
    {
        var mx = x.Average();
        var my = y.Average();
        var sxy = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my));
        return sxy / Math.Sqrt(x.Sum(v => (v - mx) * (v - mx)) * y.Sum(v => (v - my) * (v - my)));
    }

    [Fact]
    public async Task Tables_generated_in_another_order_and_at_the_same_time_give_the_same_rows()
    {
        var model = await FitAsync();
        var expected = SampleAll(model, 21);
        using var sampler = new DatabaseSampler(model, 21, 1);
        var customer = new QualifiedName(null, "customer");
        var product = new QualifiedName(null, "product");
        var orders = new QualifiedName(null, "orders");
        Assert.Equal([customer, product], sampler.Prerequisites(orders).OrderBy(t => t.Name).ToList());
        Assert.Empty(sampler.Prerequisites(customer)); // its self-reference is grown inside it
        // The child before its parents is refused, not drawn against half a parent.
        Assert.Throws<InvalidOperationException>(() => sampler.Rows(orders));
        // The two roots at once on two threads, product first, then the child.
        var both = await Task.WhenAll(Task.Run(() => sampler.Rows(product).ToList()), Task.Run(() => sampler.Rows(customer).ToList()));
        var ordersRows = sampler.Rows(orders).ToList();
        Assert.Throws<InvalidOperationException>(() => sampler.Rows(orders));
        Assert.Equal(Text(expected["product"]), Text(both[0]));
        Assert.Equal(Text(expected["customer"]), Text(both[1]));
        Assert.Equal(Text(expected["orders"]), Text(ordersRows));
        Assert.True(ordersRows.Count > 100, $"{ordersRows.Count} orders");

        static List<string> Text(List<object?[]> rows) =>
            rows.Select(r => string.Join("|", r.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "NULL"))).ToList();
    }
}
