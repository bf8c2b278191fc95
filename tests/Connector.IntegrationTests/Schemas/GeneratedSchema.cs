using System.Data.Common;
using System.Globalization;
using System.Text;
using Sdv.Connector.IntegrationTests.Infrastructure;
using Sdv.Connector.SchemaIntrospection.Model;
using static Sdv.Connector.IntegrationTests.Schemas.GeneratedForeignKey;

namespace Sdv.Connector.IntegrationTests.Schemas;

/// <summary>
/// A generated source of 42 tables with a few rows each, the shape of the schema in issue 18 (39 tables, 134 foreign
/// keys, several empty tables and keys into them): on PostgreSQL in three schemas (public, sales, hr) with views
/// across them, elsewhere in one database. It has empty root tables and empty children of empty and of filled
/// parents; nullable keys into empty tables (always NULL); NOT NULL and nullable keys; composite primary and foreign
/// keys (nullable too); two self-references; a link table; a sequence-backed key (PostgreSQL serial: a nextval
/// default), identities, a unique column, an enum, CHECKs; an index on every foreign key (PostgreSQL prints those
/// schema-qualified, which is what broke the staging), an expression and a partial index (PostgreSQL); and four views,
/// one over another. The same on every engine, rows from a seeded <see cref="Random"/>.
/// </summary>
internal static class GeneratedSchema
{
    public const int TableCount = 42;

    private const string Public = "public";
    private const string Sales = "sales";
    private const string Hr = "hr";

    private static readonly string[] Kinds = ["a", "b", "c"];
    private static readonly string[] Tiers = ["bronze", "silver", "gold"];
    private static readonly string[] Words = ["amber", "birch", "cedar", "delta", "ember", "fjord", "grove", "heath", "inlet", "juniper"];

    public static IReadOnlyList<GeneratedTable> Tables { get; } = Build();

    /// <summary>The views: schema, name, and the query with {0}-style placeholders for schema prefixes (public, sales, hr).</summary>
    private static readonly (string Schema, string Name, string Query)[] Views =
    [
        (Public, "v_customer_region", "SELECT c.id, c.label, r.label AS region FROM {0}customer c JOIN {0}region r ON r.id = c.region_id"),
        (Sales, "v_supplier_products", "SELECT s.id, s.label, COUNT(p.id) AS products FROM {1}supplier s LEFT JOIN {0}product p ON p.supplier_id = s.id GROUP BY s.id, s.label"),
        (Hr, "v_managers", "SELECT e.id, e.label, m.label AS manager FROM {2}employee e LEFT JOIN {2}employee m ON m.id = e.manager_id"),
        (Public, "v_big_customers", "SELECT id, label, region FROM {0}v_customer_region WHERE id > 3"),
    ];

    private static List<GeneratedTable> Build()
    {
        var batchKey = new GeneratedForeignKey(["batch_warehouse_id", "batch_no"], "batch", ["warehouse_id", "batch_no"], Nullable: false);
        var tables = new List<GeneratedTable>
        {
            new(Public, "region", 6) { Identity = true },
            new(Public, "currency", 5) { UniqueCode = true },
            new(Sales, "channel", 5) { Tier = true },
            new(Hr, "department", 5) { Identity = true },
            new(Hr, "skill", 6),
            new(Public, "warehouse", 4),
            new(Public, "legacy_code", 0),
            new(Sales, "promo", 0),
            new(Public, "customer", 2) { ForeignKeys = [To("region"), To("currency", true), To("legacy_code", true), To("customer", true, "referred_by")] },
            new(Sales, "supplier", 1) { ForeignKeys = [To("region"), To("promo", true)] },
            new(Hr, "employee", 2) { ForeignKeys = [To("department"), To("employee", true, "manager_id")] },
            new(Sales, "batch", 2) { Key = ["warehouse_id", "batch_no"], ForeignKeys = [To("warehouse")] },
            new(Public, "legacy_detail", 0) { ForeignKeys = [To("legacy_code")] },
            new(Sales, "promo_rule", 0) { ForeignKeys = [To("promo")] },
            new(Hr, "employee_skill", 1) { Key = ["employee_id", "skill_id"], ForeignKeys = [To("employee"), To("skill")] },
            new(Public, "product", 2) { ForeignKeys = [To("supplier"), To("channel", true)] },
            new(Sales, "orders", 1) { ForeignKeys = [To("customer"), To("channel"), To("promo", true)] },
            new(Sales, "batch_item", 1) { ForeignKeys = [batchKey, To("product")] },
            new(Public, "archive_note", 0) { ForeignKeys = [To("customer")] },
            new(Hr, "timesheet", 1) { ForeignKeys = [To("employee")] },
            new(Sales, "order_line", 2) { Key = ["orders_id", "line_no"], ForeignKeys = [To("orders"), To("product")] },
            new(Sales, "shipment", 1) { ForeignKeys = [To("orders"), To("warehouse", true)] },
            new(Public, "review", 1) { ForeignKeys = [To("product"), To("customer", true)] },
        };
        // Fillers up to 42: each under a filled table, most with a second, nullable key (every third into an empty table),
        // every fifth with a nullable composite key, every sixth empty although its parent is not.
        string[] schemas = [Public, Sales, Hr];
        string[] empty = ["legacy_code", "promo", "archive_note"];
        var parents = tables.Where(t => t.Rows > 0 && t.Key is ["id"]).Select(t => t.Name).ToList();
        for (var k = 0; tables.Count < TableCount; k++)
        {
            var parent = parents[(k * 7 + 3) % parents.Count];
            var keys = new List<GeneratedForeignKey> { To(parent) };
            var other = k % 3 == 0 ? empty[k / 3 % empty.Length] : parents[(k * 5 + 1) % parents.Count];
            if (other != parent) keys.Add(To(other, true));
            if (k % 5 == 4) keys.Add(batchKey with { Nullable = true });
            var name = string.Create(CultureInfo.InvariantCulture, $"aux_{k:00}");
            var rows = k % 6 == 5 ? 0 : 1;
            tables.Add(new GeneratedTable(schemas[k % 3], name, rows) { ForeignKeys = keys });
            if (rows > 0) parents.Add(name);
        }
        return tables;
    }

    public static async Task BuildAsync(TestDatabase db, int seed = 11)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.ExecuteAsync(Ddl(db.Engine));
        var random = new Random(seed);
        var keys = new Dictionary<string, List<Dictionary<string, object?>>>(StringComparer.Ordinal);
        await using var connection = await db.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var table in Tables)
        {
            var rows = Rows(table, keys, random);
            keys[table.Name] = rows;
            if (rows.Count == 0) continue;
            var columns = rows[0].Keys.ToList();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            // A PostgreSQL enum takes text only through a cast.
            string Value(string column, int i) => "@p" + i.ToString(CultureInfo.InvariantCulture) is var p && column == "tier" && db.Engine == DatabaseEngine.PostgreSql ? $"CAST({p} AS {Sales}.tier)" : p;
            command.CommandText = $"INSERT INTO {Name(db.Engine, table.Schema, table.Name)} ({string.Join(", ", columns)}) " +
                $"VALUES ({string.Join(", ", columns.Select(Value))})";
            var parameters = columns.Select((_, i) =>
            {
                var p = command.CreateParameter();
                p.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                command.Parameters.Add(p);
                return p;
            }).ToList();
            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Count; i++) parameters[i].Value = row[columns[i]] ?? DBNull.Value;
                await command.ExecuteNonQueryAsync();
            }
        }
        if (db.Engine == DatabaseEngine.PostgreSql)
        {
            // The source itself accepts new rows: its sequences past the inserted keys.
            foreach (var table in Tables.Where(t => t.Identity))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"SELECT setval(pg_get_serial_sequence('{table.Schema}.{table.Name}', 'id'), (SELECT max(id) FROM {table.Schema}.{table.Name}))";
                await command.ExecuteScalarAsync();
            }
        }
        await transaction.CommitAsync();
    }

    /// <summary>
    /// The rows of one table, its keys drawn from the rows of the tables before it. Each row of the first NOT NULL parent
    /// gets the same number of children (a regular shape: the child counts of a few rows are then common values, which
    /// the privacy rule keeps); other keys pick a random parent, nullable ones are NULL a quarter of the time, always
    /// when the parent is empty.
    /// </summary>
    private static List<Dictionary<string, object?>> Rows(GeneratedTable table, Dictionary<string, List<Dictionary<string, object?>>> parents, Random random)
    {
        var rows = new List<Dictionary<string, object?>>();
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        var main = table.ForeignKeys.FirstOrDefault(f => !f.Nullable && f.Parent != table.Name);
        var owners = main is null ? Enumerable.Repeat<Dictionary<string, object?>?>(null, table.Rows).ToList()
            : parents[main.Parent].SelectMany(p => Enumerable.Repeat<Dictionary<string, object?>?>(p, table.Rows)).ToList();
        foreach (var owner in owners)
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (table.Key is ["id"]) row["id"] = rows.Count + 1;
            foreach (var fk in table.ForeignKeys)
            {
                Dictionary<string, object?>? parent = null;
                if (ReferenceEquals(fk, main))
                {
                    parent = owner;
                }
                else if (fk.Parent == table.Name)
                {
                    // A tree: the first rows are roots, later ones mostly under an earlier row.
                    if (rows.Count >= 3 && random.NextDouble() < 0.6) parent = rows[random.Next(rows.Count)];
                }
                else
                {
                    var candidates = parents[fk.Parent];
                    if (candidates.Count == 0 && !fk.Nullable) throw new InvalidOperationException($"{table.Name}: a NOT NULL key into the empty {fk.Parent}.");
                    if (candidates.Count > 0 && !(fk.Nullable && random.NextDouble() < 0.25)) parent = candidates[random.Next(candidates.Count)];
                }
                for (var c = 0; c < fk.Columns.Count; c++) row[fk.Columns[c]] = parent?[fk.ParentColumns[c]];
            }
            // A key column that no foreign key fills counts up within the rest of the key (line_no within its order).
            foreach (var column in table.Key.Where(c => c != "id" && !row.ContainsKey(c)))
            {
                var prefix = string.Join("|", table.Key.Where(row.ContainsKey).Select(c => row[c]));
                row[column] = counters[prefix] = counters.GetValueOrDefault(prefix) + 1;
            }
            var n = rows.Count + 1;
            row["label"] = string.Create(CultureInfo.InvariantCulture, $"{table.Name} {Words[random.Next(Words.Length)]} {n}");
            row["kind"] = Kinds[random.Next(Kinds.Length)];
            row["amount"] = Math.Round((decimal)(random.NextDouble() * 900) + 1, 2);
            row["qty"] = random.NextDouble() < 0.2 ? null : random.Next(1, 50);
            row["happened"] = random.NextDouble() < 0.15 ? null : new DateOnly(2020, 1, 1).AddDays(random.Next(0, 1500));
            row["active"] = random.NextDouble() < 0.7;
            if (table.UniqueCode) row["code"] = string.Create(CultureInfo.InvariantCulture, $"C{n:000}");
            if (table.Tier) row["tier"] = Tiers[random.Next(Tiers.Length)];
            rows.Add(row);
        }
        return rows;
    }

    private static string Name(DatabaseEngine engine, string schema, string name) => engine == DatabaseEngine.PostgreSql ? $"{schema}.{name}" : name;

    private static string Ddl(DatabaseEngine engine)
    {
        var statements = new List<string>();
        if (engine == DatabaseEngine.PostgreSql)
        {
            statements.Add($"CREATE SCHEMA {Sales}");
            statements.Add($"CREATE SCHEMA {Hr}");
            statements.Add($"CREATE TYPE {Sales}.tier AS ENUM ({string.Join(", ", Tiers.Select(t => $"'{t}'"))})");
        }
        var byName = Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var table in Tables) statements.Add(CreateTable(engine, table, byName));
        foreach (var table in Tables)
        {
            foreach (var fk in table.ForeignKeys.Where(f => f.Columns[0] != table.Key[0]))
            {
                statements.Add($"CREATE INDEX ix_{table.Name}_{fk.Columns[0]} ON {Name(engine, table.Schema, table.Name)} ({string.Join(", ", fk.Columns)})");
            }
        }
        if (engine == DatabaseEngine.PostgreSql)
        {
            statements.Add("CREATE INDEX ix_customer_label_lower ON public.customer (lower(label))");
            statements.Add("CREATE INDEX ix_product_active_supplier ON public.product (supplier_id) WHERE active");
        }
        foreach (var (schema, name, query) in Views)
        {
            var prefixes = engine == DatabaseEngine.PostgreSql ? new object[] { "public.", "sales.", "hr." } : ["", "", ""];
            statements.Add($"CREATE VIEW {Name(engine, schema, name)} AS {string.Format(CultureInfo.InvariantCulture, query, prefixes)}");
        }
        return string.Join("\n;;\n", statements);
    }

    private static string CreateTable(DatabaseEngine engine, GeneratedTable table, Dictionary<string, GeneratedTable> byName)
    {
        var lines = new List<string>();
        var nullable = table.ForeignKeys.Where(f => f.Nullable).SelectMany(f => f.Columns).Except(table.Key).ToHashSet(StringComparer.Ordinal);
        var rowidKey = engine == DatabaseEngine.Sqlite && table.Identity;
        foreach (var column in table.KeyColumns)
        {
            if (column == "id" && table.Identity)
            {
                lines.Add(engine switch
                {
                    // serial: an integer with DEFAULT nextval('public.region_id_seq'::regclass), the sequence owned by the column.
                    DatabaseEngine.PostgreSql when table.Schema == Public => "id SERIAL",
                    DatabaseEngine.PostgreSql => "id INTEGER GENERATED BY DEFAULT AS IDENTITY",
                    DatabaseEngine.MySql => "id INT NOT NULL AUTO_INCREMENT",
                    _ => "id INTEGER PRIMARY KEY",
                });
                continue;
            }
            lines.Add($"{column} INTEGER{(nullable.Contains(column) ? "" : " NOT NULL")}");
        }
        lines.Add("label VARCHAR(40) NOT NULL");
        lines.Add("kind VARCHAR(10) NOT NULL");
        lines.Add("amount DECIMAL(10,2) NOT NULL");
        lines.Add("qty INTEGER");
        lines.Add("happened DATE");
        lines.Add("active BOOLEAN NOT NULL");
        if (table.UniqueCode) lines.Add("code VARCHAR(8) NOT NULL");
        if (table.Tier)
        {
            var values = string.Join(", ", Tiers.Select(t => $"'{t}'"));
            lines.Add(engine switch
            {
                DatabaseEngine.PostgreSql => $"tier {Sales}.tier NOT NULL",
                DatabaseEngine.MySql => $"tier ENUM({values}) NOT NULL",
                _ => $"tier VARCHAR(10) NOT NULL CHECK (tier IN ({values}))",
            });
        }
        if (!rowidKey) lines.Add($"CONSTRAINT pk_{table.Name} PRIMARY KEY ({string.Join(", ", table.Key)})");
        if (table.UniqueCode) lines.Add($"CONSTRAINT uq_{table.Name}_code UNIQUE (code)");
        lines.Add($"CONSTRAINT ck_{table.Name}_kind CHECK (kind IN ('a', 'b', 'c'))");
        lines.Add($"CONSTRAINT ck_{table.Name}_amount CHECK (amount >= 0)");
        var n = 0;
        foreach (var fk in table.ForeignKeys)
        {
            var parent = byName[fk.Parent];
            lines.Add($"CONSTRAINT fk_{table.Name}_{++n} FOREIGN KEY ({string.Join(", ", fk.Columns)}) REFERENCES {Name(engine, parent.Schema, parent.Name)} ({string.Join(", ", fk.ParentColumns)})");
        }
        var sql = new StringBuilder($"CREATE TABLE {Name(engine, table.Schema, table.Name)} (\n  ");
        sql.AppendJoin(",\n  ", lines).Append("\n)");
        return sql.ToString();
    }
}
