using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Sdv.Connector.IntegrationTests.Cloning;
using Xunit;

namespace Sdv.Connector.IntegrationTests.Fidelity;

/// <summary>
/// Issue 15's structure, end to end: a generated database whose structure is known (a parent's category
/// that decides its children's category, a column equal to the owner's, a line's price equal to its
/// product's, an order attribute tied to its number of lines, four levels), cloned, and the clone
/// measured: the structure must survive within the stated tolerances.
/// </summary>
public sealed class CrossTableStructureTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sdv-structure-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Parent_child_associations_equalities_and_count_links_survive_the_clone()
    {
        Directory.CreateDirectory(_root);
        var source = Path.Combine(_root, "shop.db");
        await CreateAsync(source);
        var target = Path.Combine(_root, "clone.db");
        var run = await CliRun.RunAsync("clone", "--source", source, "--target", target, "--no-evaluate", "--seed", "5");
        Assert.True(run.ExitCode == 0, run.ToString());

        await using var real = await OpenAsync(source);
        await using var clone = await OpenAsync(target);

        // A customer's segment decides its orders' channel (Cramér's V 0.8 in the source).
        const string segmentChannel = "SELECT c.segment, o.channel FROM orders o JOIN customers c ON c.id = o.customer_id";
        var vReal = CramersV(await PairsAsync(real, segmentChannel));
        var vClone = CramersV(await PairsAsync(clone, segmentChannel));
        Assert.True(vReal > 0.7, $"source V {vReal:F2}");
        Assert.True(vClone > 0.6, $"segment -> channel: Cramér's V {vClone:F2} in the clone, {vReal:F2} in the source");

        // Equal across a relationship in the source, equal in the clone: an order ships to its customer's
        // country; a line is priced at its product's price (a second parent).
        Assert.Equal(0, await ScalarAsync(clone, "SELECT COUNT(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.ship_country <> c.country"));
        Assert.Equal(0, await ScalarAsync(clone, "SELECT COUNT(*) FROM order_lines l JOIN products p ON p.id = l.product_id WHERE l.unit_price <> p.price"));

        // An order's discount grows with its number of lines (the parent learns its children's count jointly).
        const string discountLines = "SELECT o.discount, COUNT(l.line_no) FROM orders o JOIN order_lines l ON l.order_id = o.id GROUP BY o.id";
        var rReal = Pearson(await PairsAsync(real, discountLines));
        var rClone = Pearson(await PairsAsync(clone, discountLines));
        Assert.True(rClone > 0.5 * rReal, $"discount ~ lines: r {rClone:F2} in the clone, {rReal:F2} in the source");

        // Counts of children stay within the source's range per parent, at every level.
        foreach (var (child, key, parent) in new[] { ("orders", "customer_id", "customers"), ("order_lines", "order_id", "orders"), ("line_events", "line_id", "order_lines") })
        {
            var counts = $"SELECT MIN(n), MAX(n) FROM (SELECT COUNT(x.{key}) n FROM {parent} p LEFT JOIN {child} x ON x.{key} = p.{(parent == "order_lines" ? "line_id" : "id")} GROUP BY p.{(parent == "order_lines" ? "line_id" : "id")})";
            var (realMin, realMax) = await RangeAsync(real, counts);
            var (cloneMin, cloneMax) = await RangeAsync(clone, counts);
            Assert.True(cloneMin >= realMin && cloneMax <= realMax, $"{child} per {parent}: [{cloneMin}, {cloneMax}] in the clone, [{realMin}, {realMax}] in the source");
        }

        // The business segment orders more, and spends more per order, in the clone as in the source.
        const string spendBySegment = "SELECT c.segment, AVG(o.amount) FROM orders o JOIN customers c ON c.id = o.customer_id GROUP BY c.segment ORDER BY c.segment";
        var realSpend = await PairsAsync(real, spendBySegment);
        var cloneSpend = await PairsAsync(clone, spendBySegment);
        foreach (var (segment, amount) in realSpend)
        {
            var synthetic = cloneSpend.Single(p => p.A == segment).B;
            Assert.InRange(double.Parse(synthetic, CultureInfo.InvariantCulture), 0.75 * double.Parse(amount, CultureInfo.InvariantCulture), 1.25 * double.Parse(amount, CultureInfo.InvariantCulture));
        }
    }

    private static async Task CreateAsync(string path)
    {
        var random = new Random(23);
        string[] segments = ["business", "retail", "vip"];
        string[] countries = ["DE", "FR", "IT", "ES", "NL"];
        string[] categories = ["books", "garden", "kitchen", "toys", "tools"];
        var sql = new StringBuilder("""
            CREATE TABLE customers (id INTEGER PRIMARY KEY, segment TEXT NOT NULL, country TEXT NOT NULL, age INTEGER NOT NULL);
            CREATE TABLE products (id INTEGER PRIMARY KEY, category TEXT NOT NULL, price NUMERIC(8,2) NOT NULL);
            CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers (id), channel TEXT NOT NULL,
              ship_country TEXT NOT NULL, amount NUMERIC(10,2) NOT NULL, discount NUMERIC(4,2) NOT NULL);
            CREATE TABLE order_lines (line_id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES orders (id), line_no INTEGER NOT NULL,
              product_id INTEGER NOT NULL REFERENCES products (id), unit_price NUMERIC(8,2) NOT NULL, quantity INTEGER NOT NULL, UNIQUE (order_id, line_no));
            CREATE TABLE line_events (id INTEGER PRIMARY KEY, line_id INTEGER NOT NULL REFERENCES order_lines (line_id), kind TEXT NOT NULL);

            """);
        var prices = new decimal[201];
        for (var p = 1; p <= 200; p++)
        {
            var category = categories[p % categories.Length];
            prices[p] = Math.Round(5 + (Array.IndexOf(categories, category) * 10) + (decimal)(random.NextDouble() * 5), 0) + 0.99m;
            sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO products VALUES ({p}, '{category}', {prices[p]});\n");
        }

        int order = 0, line = 0, evt = 0;
        for (var c = 1; c <= 600; c++)
        {
            var segment = segments[random.Next(3)];
            var country = countries[random.Next(countries.Length)];
            sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO customers VALUES ({c}, '{segment}', '{country}', {20 + random.Next(50)});\n");
            var orders = segment == "business" ? 4 + random.Next(4) : 1 + random.Next(3);
            for (var o = 0; o < orders; o++)
            {
                order++;
                var preferred = segment switch { "business" => "web", "retail" => "store", _ => "phone" };
                var channel = random.NextDouble() < 0.85 ? preferred : new[] { "web", "store", "phone" }[random.Next(3)];
                var lines = 1 + random.Next(6);
                var discount = Math.Round((lines * 0.02m) + (decimal)(random.NextDouble() * 0.02), 2);
                var amount = Math.Round((segment == "vip" ? 400 : segment == "business" ? 250 : 80) * (decimal)(0.7 + (random.NextDouble() * 0.6)), 2);
                sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO orders VALUES ({order}, {c}, '{channel}', '{country}', {amount}, {discount});\n");
                for (var l = 1; l <= lines; l++)
                {
                    line++;
                    var product = 1 + random.Next(200);
                    sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO order_lines VALUES ({line}, {order}, {l}, {product}, {prices[product]}, {1 + random.Next(4)});\n");
                    for (var e = 1 + random.Next(3); e > 0; e--)
                    {
                        sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO line_events VALUES ({++evt}, {line}, '{(e == 1 ? "shipped" : "packed")}');\n");
                    }
                }
            }
        }

        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<SqliteConnection> OpenAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<List<(string A, string B)>> PairsAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var pairs = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) pairs.Add((Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!, Convert.ToString(reader.GetValue(1), CultureInfo.InvariantCulture)!));
        return pairs;
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<(long Min, long Max)> RangeAsync(SqliteConnection connection, string sql)
    {
        var pair = (await PairsAsync(connection, sql)).Single();
        return (long.Parse(pair.A, CultureInfo.InvariantCulture), long.Parse(pair.B, CultureInfo.InvariantCulture));
    }

    private static double CramersV(List<(string A, string B)> pairs)
    {
        var n = (double)pairs.Count;
        var rows = pairs.GroupBy(p => p.A).ToDictionary(g => g.Key, g => (double)g.Count());
        var columns = pairs.GroupBy(p => p.B).ToDictionary(g => g.Key, g => (double)g.Count());
        var cells = pairs.GroupBy(p => p).ToDictionary(g => g.Key, g => (double)g.Count());
        double chi = 0;
        foreach (var (a, ra) in rows)
        {
            foreach (var (b, cb) in columns)
            {
                var expected = ra * cb / n;
                var observed = cells.GetValueOrDefault((a, b));
                chi += (observed - expected) * (observed - expected) / expected;
            }
        }

        return Math.Sqrt(chi / (n * (Math.Min(rows.Count, columns.Count) - 1)));
    }

    private static double Pearson(List<(string A, string B)> pairs)
    {
        var x = pairs.Select(p => double.Parse(p.A, CultureInfo.InvariantCulture)).ToArray();
        var y = pairs.Select(p => double.Parse(p.B, CultureInfo.InvariantCulture)).ToArray();
        double mx = x.Average(), my = y.Average();
        var sxy = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my));
        return sxy / Math.Sqrt(x.Sum(v => (v - mx) * (v - mx)) * y.Sum(v => (v - my) * (v - my)));
    }
}
