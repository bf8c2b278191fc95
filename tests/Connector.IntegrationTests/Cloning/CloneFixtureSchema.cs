using System.Data.Common;
using System.Globalization;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.IntegrationTests.Cloning;

/// <summary>
/// Builds the clone tests' source: a small shop and its staff, the same on every engine (DDL differs
/// only where it must: identity columns and the foreign key that closes the department/staff cycle),
/// filled with deterministic data from a seeded <see cref="Random"/>. It covers a 4-level hierarchy
/// (region → customer → orders → order_line), a self-reference tree (customer.referred_by), a
/// composite primary key (order_line), a second parent with skewed popularity (order_line.product_id),
/// a link table (product_tag), a 2-table cycle (department.head_id ↔ staff.department_id), an identity
/// column (customer.id), a table without a key (audit_log), CHECK, UNIQUE and NOT NULL constraints,
/// personal data (customer e-mail, name, phone) with a planted marker, and correlated columns
/// (a customer's credit limit grows with age and order count; an order's total is the sum of its lines).
/// </summary>
internal static class CloneFixtureSchema
{
    public const string MarkerEmail = "planted.marker.7f3a@example.org";
    public const string MarkerName = "Quillon Zephyrine-Marker";

    public static readonly string[] RootTables = ["region", "product", "department", "audit_log"];

    /// <summary>Small lookup tables other tables point at: copied verbatim, at any scale.</summary>
    public static readonly string[] ReferenceTables = ["tag"];
    public static readonly string[] ChildTables = ["customer", "orders", "order_line", "product_tag", "staff"];
    public static readonly string[] AllTables = [.. RootTables, .. ReferenceTables, .. ChildTables];

    /// <summary>Every foreign key of the schema: (table, column, parent, parent column).</summary>
    public static readonly (string Table, string Column, string Parent, string ParentColumn)[] ForeignKeys =
    [
        ("customer", "region_id", "region", "id"),
        ("customer", "referred_by", "customer", "id"),
        ("orders", "customer_id", "customer", "id"),
        ("order_line", "order_id", "orders", "id"),
        ("order_line", "product_id", "product", "id"),
        ("product_tag", "product_id", "product", "id"),
        ("product_tag", "tag_id", "tag", "id"),
        ("department", "head_id", "staff", "id"),
        ("staff", "department_id", "department", "id"),
    ];

    /// <summary>Primary and unique keys: (table, columns).</summary>
    public static readonly (string Table, string[] Columns)[] Keys =
    [
        ("region", ["id"]), ("customer", ["id"]), ("customer", ["email"]), ("product", ["id"]), ("tag", ["id"]),
        ("product_tag", ["product_id", "tag_id"]), ("orders", ["id"]), ("order_line", ["order_id", "line_no"]),
        ("department", ["id"]), ("staff", ["id"]),
    ];

    /// <summary>Columns declared NOT NULL: (table, column).</summary>
    public static readonly (string Table, string Column)[] NotNullColumns =
    [
        ("region", "name"), ("region", "country_code"), ("region", "created_on"),
        ("customer", "region_id"), ("customer", "email"), ("customer", "full_name"), ("customer", "birth_date"), ("customer", "signup_at"),
        ("customer", "is_active"), ("customer", "credit_limit"),
        ("product", "sku"), ("product", "name"), ("product", "price"), ("product", "discontinued"),
        ("tag", "label"), ("product_tag", "product_id"), ("product_tag", "tag_id"),
        ("orders", "customer_id"), ("orders", "ordered_at"), ("orders", "status"), ("orders", "total"),
        ("order_line", "order_id"), ("order_line", "line_no"), ("order_line", "product_id"), ("order_line", "line_no"), ("order_line", "quantity"), ("order_line", "unit_price"),
        ("department", "name"), ("staff", "department_id"), ("staff", "role"), ("staff", "hired_on"), ("staff", "salary"),
        ("audit_log", "happened_at"), ("audit_log", "action"),
    ];

    /// <summary>Numeric columns whose synthetic values must stay within the source's range.</summary>
    public static readonly (string Table, string Column)[] NumericColumns =
    [
        ("region", "population"), ("customer", "credit_limit"), ("product", "price"), ("product", "weight_kg"), ("orders", "total"),
        ("order_line", "line_no"), ("order_line", "quantity"), ("order_line", "unit_price"), ("department", "budget"), ("staff", "salary"), ("audit_log", "amount"),
    ];

    /// <summary>Date and timestamp columns whose synthetic values must stay within the source's range.</summary>
    public static readonly (string Table, string Column)[] DateColumns =
    [
        ("region", "created_on"), ("customer", "birth_date"), ("customer", "signup_at"), ("orders", "ordered_at"), ("orders", "shipped_on"),
        ("staff", "hired_on"), ("audit_log", "happened_at"),
    ];

    public static readonly string[] Statuses = ["new", "paid", "shipped"];

    private static readonly string[] FirstNames =
        ["Aldous", "Brisa", "Cosmo", "Delphine", "Evander", "Fenella", "Gideon", "Henrike", "Isidore", "Juniper", "Kasimir", "Leocadia", "Mirabel", "Nikodem", "Ottoline", "Peregrin", "Quirina", "Rasmus", "Saoirse", "Thaddeus"];

    // Compound surnames no name generator produces, so a collision with a synthetic name cannot pass for a leak.
    private static readonly string[] LastNames =
        ["Abernethy-Vos", "Brightwater-Lund", "Castellanos-Ify", "Drummond-Oyelaran", "Esterhazy-Moll", "Fairweather-Quist", "Gallowglass-Tenn", "Holloway-Akande", "Ironside-Vela", "Jessamy-Korhonen", "Kettleborough-Nasr", "Lindqvist-Obi"];

    private static readonly string[] Domains = ["mailbox.test", "post.example.net", "inbox.example.com", "letters.test"];
    private static readonly string[] RegionNames =
        ["Northmoor", "Eastvale", "Westbrook", "Southfen", "Highgate", "Lowmarsh", "Redcliff", "Greenholt", "Blackwater", "Whitesands", "Oakridge", "Ashford", "Elmstead", "Pinecrest", "Stonebridge", "Fairhaven", "Mistral", "Brightlake", "Coldharbour", "Sunmead"];

    private static readonly string[] Countries = ["GB", "DE", "FR", "NL", "SE"];
    private static readonly string[] Adjectives = ["Compact", "Deluxe", "Rugged", "Silent", "Smart", "Classic"];
    private static readonly string[] Nouns = ["Kettle", "Lamp", "Backpack", "Drill", "Blender", "Chair", "Speaker", "Tent", "Watch", "Bottle"];
    private static readonly string[] TagLabels = ["eco", "bestseller", "new", "sale", "outdoor", "kitchen", "office", "gift", "premium", "budget"];
    private static readonly string[] Departments = ["Engineering", "Sales", "Support", "Finance", "Legal"];
    private static readonly string[] Roles = ["engineer", "analyst", "manager", "clerk"];
    private static readonly string[] Actions = ["login", "update", "export", "delete"];

    /// <summary>Creates the tables in <paramref name="db"/> and fills them; the same seed gives the same rows on every engine.</summary>
    public static async Task BuildAsync(TestDatabase db, int seed = 7)
    {
        await db.ExecuteAsync(Ddl(db.Engine));
        var random = new Random(seed);
        await using var connection = await db.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var regions = Enumerable.Range(1, 20).Select(i => new object?[]
        {
            i, RegionNames[i - 1], Countries[(i - 1) % Countries.Length], (long)(50_000 + random.Next(0, 5_000_000)), new DateOnly(2015, 1, 1).AddDays(random.Next(0, 1500)),
        }).ToList();
        await InsertAsync(connection, transaction, "region", ["id", "name", "country_code", "population", "created_on"], regions);

        // Customers: skewed over regions; a referral tree where about a third were referred by an earlier customer.
        var regionWeights = Enumerable.Range(1, 20).Select(r => 1.0 / r).ToArray();
        var customers = new List<object?[]>();
        var customerSignup = new Dictionary<int, DateTime>();
        var customerCredit = new Dictionary<int, decimal>();
        for (var id = 1; id <= 300; id++)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var email = id == 137 ? MarkerEmail : $"{first}.{last}.{id}@{Domains[random.Next(Domains.Length)]}".ToLowerInvariant();
            var name = id == 137 ? MarkerName : $"{first} {last}";
            var phone = random.NextDouble() < 0.1 ? null : $"+44 20 7946 {random.Next(0, 10000):0000}-{id:000}";
            var birth = new DateOnly(1950, 1, 1).AddDays(random.Next(0, 18_000));
            var signup = new DateTime(2018, 1, 1).AddSeconds(random.Next(0, 6 * 365 * 24 * 3600));
            var age = 2024 - birth.Year;
            var credit = Math.Round(500m + (age * 40) + (decimal)(random.NextDouble() * 800), 2);
            var referredBy = id > 20 && random.NextDouble() < 0.35 ? random.Next(1, id) : (int?)null;
            var notes = random.NextDouble() < 0.7 ? null : $"Prefers {(random.Next(2) == 0 ? "morning" : "evening")} delivery";
            customerSignup[id] = signup;
            customerCredit[id] = credit;
            customers.Add([id, Pick(random, regionWeights) + 1, referredBy, email, name, phone, birth, signup, random.NextDouble() < 0.85, credit, notes]);
        }
        await InsertAsync(connection, transaction, "customer",
            ["id", "region_id", "referred_by", "email", "full_name", "phone", "birth_date", "signup_at", "is_active", "credit_limit", "notes"], customers);

        // Products with a skewed popularity (Zipf-like), used when order lines pick their product.
        var products = new List<object?[]>();
        var prices = new decimal[61];
        for (var id = 1; id <= 60; id++)
        {
            prices[id] = Math.Max(0.99m, Math.Round((decimal)Math.Exp(3 + (0.8 * Gaussian(random))), 2));
            products.Add([id, $"SKU-{id:0000}", $"{Adjectives[random.Next(Adjectives.Length)]} {Nouns[random.Next(Nouns.Length)]}", prices[id], Math.Round(0.2 + (random.NextDouble() * 12), 3), random.NextDouble() < 0.1]);
        }
        await InsertAsync(connection, transaction, "product", ["id", "sku", "name", "price", "weight_kg", "discontinued"], products);
        var popularity = Enumerable.Range(1, 60).Select(r => 1.0 / Math.Pow(r, 1.1)).ToArray();

        await InsertAsync(connection, transaction, "tag", ["id", "label"], Enumerable.Range(1, 10).Select(i => new object?[] { i, TagLabels[i - 1] }).ToList());
        var productTags = new List<object?[]>();
        for (var p = 1; p <= 60; p++)
        {
            var k = 1 + random.Next(0, 4);
            foreach (var t in Enumerable.Range(1, 10).OrderBy(_ => random.Next()).Take(k).Order()) productTags.Add([p, t]);
        }
        await InsertAsync(connection, transaction, "product_tag", ["product_id", "tag_id"], productTags);

        // Orders: richer customers order more; an order's total is the sum of its lines.
        var orders = new List<object?[]>();
        var lines = new List<object?[]>();
        var lineWeights = new[] { 0.15, 0.25, 0.3, 0.2, 0.1 };
        var end = new DateTime(2024, 12, 31);
        var orderId = 0;
        foreach (var customer in customerSignup.Keys.Order())
        {
            var n = Math.Clamp((int)Math.Round((double)(customerCredit[customer] - 2900m) / 600 + 3 + Gaussian(random)), 0, 8);
            for (var o = 0; o < n; o++)
            {
                orderId++;
                var span = (end - customerSignup[customer]).TotalSeconds;
                var orderedAt = customerSignup[customer].AddSeconds(random.NextDouble() * span);
                orderedAt = orderedAt.AddTicks(-(orderedAt.Ticks % TimeSpan.TicksPerSecond));
                var status = (end - orderedAt).TotalDays > 60 ? (random.NextDouble() < 0.9 ? "shipped" : "paid") : Statuses[random.Next(3)];
                DateOnly? shipped = status == "shipped" ? DateOnly.FromDateTime(orderedAt).AddDays(1 + random.Next(0, 7)) : null;
                var count = Pick(random, lineWeights) + 1;
                var total = 0m;
                for (var l = 1; l <= count; l++)
                {
                    var product = Pick(random, popularity) + 1;
                    var quantity = 1 + random.Next(0, 5);
                    var unitPrice = random.NextDouble() < 0.2 ? Math.Round(prices[product] * 0.9m, 2) : prices[product];
                    total += quantity * unitPrice;
                    lines.Add([orderId, l, product, quantity, unitPrice]);
                }
                orders.Add([orderId, customer, orderedAt, status, total, shipped]);
            }
        }
        await InsertAsync(connection, transaction, "orders", ["id", "customer_id", "ordered_at", "status", "total", "shipped_on"], orders);
        await InsertAsync(connection, transaction, "order_line", ["order_id", "line_no", "product_id", "quantity", "unit_price"], lines);

        // The cycle: departments first without heads, then staff, then each department but the last gets a head from its own staff.
        await InsertAsync(connection, transaction, "department", ["id", "name", "head_id", "budget"],
            Enumerable.Range(1, 5).Select(i => new object?[] { i, Departments[i - 1], null, 100_000m * (6 - i) + random.Next(0, 50_000) }).ToList());
        var sizes = new[] { 12, 10, 8, 6, 4 };
        var staff = new List<object?[]>();
        var heads = new Dictionary<int, int>();
        var staffId = 0;
        for (var d = 1; d <= 5; d++)
        {
            for (var s = 0; s < sizes[d - 1]; s++)
            {
                staffId++;
                if (s == 0 && d < 5) heads[d] = staffId;
                var role = s == 0 ? "manager" : Roles[random.Next(Roles.Length)];
                var salary = Math.Round((role == "manager" ? 70_000m : 40_000m) + (6 - d) * 3_000m + (decimal)(random.NextDouble() * 15_000), 2);
                staff.Add([staffId, d, role, new DateOnly(2010, 1, 1).AddDays(random.Next(0, 5000)), salary]);
            }
        }
        await InsertAsync(connection, transaction, "staff", ["id", "department_id", "role", "hired_on", "salary"], staff);
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE department SET head_id = @head WHERE id = @id";
            var head = Parameter(update, "@head");
            var id = Parameter(update, "@id");
            foreach (var (d, h) in heads)
            {
                head.Value = h;
                id.Value = d;
                await update.ExecuteNonQueryAsync();
            }
        }

        var audit = Enumerable.Range(0, 100).Select(i => new object?[]
        {
            new DateTime(2024, 1, 1).AddMinutes(random.Next(0, 365 * 24 * 60)), Actions[Pick(random, [0.5, 0.3, 0.15, 0.05])],
            random.NextDouble() < 0.4 ? null : $"batch {random.Next(1, 40)}", random.NextDouble() < 0.3 ? null : Math.Round(random.NextDouble() * 1000, 2),
        }).ToList();
        await InsertAsync(connection, transaction, "audit_log", ["happened_at", "action", "detail", "amount"], audit);
        await transaction.CommitAsync();

        // The planner's statistics taken now, not by the server's background analysis between two reads of one test: a
        // join's plan, and so the order its rows come in, changed between two fits that must give the same model.
        if (db.Engine == DatabaseEngine.PostgreSql) await db.ExecuteAsync("ANALYZE");
        else if (db.Engine == DatabaseEngine.MySql) await db.ExecuteAsync($"ANALYZE TABLE {string.Join(", ", AllTables.Select(static t => $"`{t}`"))}");
    }

    private static string Ddl(DatabaseEngine engine)
    {
        var (identity, timestamp, real) = engine switch
        {
            DatabaseEngine.Sqlite => ("INTEGER PRIMARY KEY", "TIMESTAMP", "REAL"),
            DatabaseEngine.PostgreSql => ("INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", "TIMESTAMP", "DOUBLE PRECISION"),
            DatabaseEngine.MySql => ("INT AUTO_INCREMENT PRIMARY KEY", "DATETIME", "DOUBLE"),
            _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "No clone fixture for this engine."),
        };
        // SQLite can reference a table created later (and cannot add a foreign key afterwards), so the
        // cycle's key is declared inline there; elsewhere it is added once staff exists.
        var headKey = engine == DatabaseEngine.Sqlite ? ", CONSTRAINT fk_department_head FOREIGN KEY (head_id) REFERENCES staff (id)" : string.Empty;
        var addHeadKey = engine == DatabaseEngine.Sqlite
            ? string.Empty
            : "\n;;\nALTER TABLE department ADD CONSTRAINT fk_department_head FOREIGN KEY (head_id) REFERENCES staff (id)";
        return $"""
            CREATE TABLE region (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL, country_code CHAR(2) NOT NULL, population BIGINT, created_on DATE NOT NULL)
            ;;
            CREATE TABLE customer (
              id {identity},
              region_id INTEGER NOT NULL,
              referred_by INTEGER,
              email VARCHAR(120) NOT NULL,
              full_name VARCHAR(80) NOT NULL,
              phone VARCHAR(30),
              birth_date DATE NOT NULL,
              signup_at {timestamp} NOT NULL,
              is_active BOOLEAN NOT NULL,
              credit_limit DECIMAL(10,2) NOT NULL,
              notes TEXT,
              CONSTRAINT uq_customer_email UNIQUE (email),
              CONSTRAINT fk_customer_region FOREIGN KEY (region_id) REFERENCES region (id),
              CONSTRAINT fk_customer_referrer FOREIGN KEY (referred_by) REFERENCES customer (id))
            ;;
            CREATE TABLE product (id INTEGER NOT NULL PRIMARY KEY, sku VARCHAR(20) NOT NULL, name VARCHAR(80) NOT NULL, price DECIMAL(10,2) NOT NULL,
              weight_kg {real}, discontinued BOOLEAN NOT NULL, CONSTRAINT ck_product_price CHECK (price > 0))
            ;;
            CREATE TABLE tag (id INTEGER NOT NULL PRIMARY KEY, label VARCHAR(30) NOT NULL)
            ;;
            CREATE TABLE product_tag (product_id INTEGER NOT NULL, tag_id INTEGER NOT NULL, PRIMARY KEY (product_id, tag_id),
              CONSTRAINT fk_product_tag_product FOREIGN KEY (product_id) REFERENCES product (id),
              CONSTRAINT fk_product_tag_tag FOREIGN KEY (tag_id) REFERENCES tag (id))
            ;;
            CREATE TABLE orders (id INTEGER NOT NULL PRIMARY KEY, customer_id INTEGER NOT NULL, ordered_at {timestamp} NOT NULL,
              status VARCHAR(10) NOT NULL, total DECIMAL(12,2) NOT NULL, shipped_on DATE,
              CONSTRAINT ck_orders_status CHECK (status IN ('new', 'paid', 'shipped')),
              CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customer (id))
            ;;
            CREATE TABLE order_line (order_id INTEGER NOT NULL, line_no INTEGER NOT NULL, product_id INTEGER NOT NULL,
              quantity INTEGER NOT NULL, unit_price DECIMAL(10,2) NOT NULL, PRIMARY KEY (order_id, line_no),
              CONSTRAINT ck_order_line_quantity CHECK (quantity > 0),
              CONSTRAINT fk_order_line_order FOREIGN KEY (order_id) REFERENCES orders (id),
              CONSTRAINT fk_order_line_product FOREIGN KEY (product_id) REFERENCES product (id))
            ;;
            CREATE TABLE department (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL, head_id INTEGER, budget DECIMAL(12,2){headKey})
            ;;
            CREATE TABLE staff (id INTEGER NOT NULL PRIMARY KEY, department_id INTEGER NOT NULL, role VARCHAR(30) NOT NULL, hired_on DATE NOT NULL,
              salary DECIMAL(10,2) NOT NULL, CONSTRAINT fk_staff_department FOREIGN KEY (department_id) REFERENCES department (id)){addHeadKey}
            ;;
            CREATE TABLE audit_log (happened_at {timestamp} NOT NULL, action VARCHAR(20) NOT NULL, detail TEXT, amount {real})
            """;
    }

    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, string table, string[] columns, IReadOnlyList<object?[]> rows)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))})";
        var parameters = columns.Select((_, i) => Parameter(command, "@p" + i.ToString(CultureInfo.InvariantCulture))).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++) parameters[i].Value = row[i] ?? DBNull.Value;
            await command.ExecuteNonQueryAsync();
        }
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static int Pick(Random random, IReadOnlyList<double> weights)
    {
        var u = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Count; i++)
        {
            u -= weights[i];
            if (u < 0) return i;
        }
        return weights.Count - 1;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
