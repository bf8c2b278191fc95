using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.KitchenSink;

/// <summary>
/// The SQLite kitchen sink: the tables every engine's sink shares (country, customer, coupon, gift, "order", order_line,
/// audit, views customer_orders and big_customers) with SQLite's own features: rowid aliases (INTEGER PRIMARY KEY),
/// AUTOINCREMENT, a WITHOUT ROWID table, generated STORED and VIRTUAL columns, CHECKs, partial and expression indexes,
/// a view over a view, a trigger, dates written as text, blobs, and reserved and mixed-case names.
/// </summary>
public static class SqliteKitchenSink
{
    public const int Customers = 120;

    public const int Orders = 90;

    public const int Gifts = 67;

    public const string Schema = """
        CREATE TABLE country (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, code TEXT NOT NULL)
        ;;
        CREATE TABLE customer (
          customer_id INTEGER PRIMARY KEY AUTOINCREMENT,
          country_id INTEGER NOT NULL REFERENCES country (id),
          "First Name" TEXT NOT NULL,
          email TEXT NOT NULL UNIQUE,
          mood TEXT NOT NULL DEFAULT 'ok' CHECK (mood IN ('sad', 'ok', 'happy')),
          active BOOLEAN NOT NULL DEFAULT 1,
          created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
          born DATE,
          score INTEGER CHECK (score > 0),
          photo BLOB,
          email_domain TEXT GENERATED ALWAYS AS (substr(email, instr(email, '@') + 1)) VIRTUAL)
        ;;
        CREATE TABLE coupon (id INTEGER PRIMARY KEY, code TEXT NOT NULL)
        ;;
        CREATE TABLE gift (id INTEGER PRIMARY KEY, coupon_id INTEGER REFERENCES coupon (id), wrapped BOOLEAN NOT NULL DEFAULT 0, message TEXT)
        ;;
        CREATE TABLE "order" (
          id INTEGER PRIMARY KEY,
          customer_id INTEGER NOT NULL REFERENCES customer (customer_id),
          placed_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
          amount NUMERIC(10,2) NOT NULL CHECK (amount >= 0),
          tax NUMERIC(12,3) GENERATED ALWAYS AS (amount * 0.2) STORED,
          status TEXT NOT NULL CHECK (status IN ('new', 'paid', 'shipped')))
        ;;
        CREATE TABLE order_line (
          order_id INTEGER NOT NULL REFERENCES "order" (id),
          line_no INTEGER NOT NULL,
          sku TEXT NOT NULL,
          qty INTEGER NOT NULL CHECK (qty > 0),
          PRIMARY KEY (order_id, line_no)) WITHOUT ROWID
        ;;
        CREATE TABLE audit (id INTEGER PRIMARY KEY, what TEXT NOT NULL, at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)
        ;;
        CREATE TABLE "Group" ("Key" INTEGER PRIMARY KEY, "Mixed Case" TEXT NOT NULL)
        ;;
        CREATE INDEX order_paid ON "order" (placed_at) WHERE status = 'paid'
        ;;
        CREATE INDEX customer_email_lower ON customer (lower(email))
        ;;
        CREATE TRIGGER order_audit AFTER INSERT ON "order" BEGIN INSERT INTO audit (what) VALUES ('order ' || NEW.id); END
        ;;
        CREATE VIEW customer_orders AS SELECT c.customer_id, COUNT(o.id) AS orders FROM customer c LEFT JOIN "order" o ON o.customer_id = c.customer_id GROUP BY c.customer_id
        ;;
        CREATE VIEW big_customers AS SELECT customer_id FROM customer_orders WHERE orders > 1
        """;

    public const string Rows = """
        INSERT INTO country (name, code) VALUES ('France', 'FR'), ('Italy', 'IT'), ('Norway', 'NO'), ('Spain', 'ES'), ('Chile', 'CL'), ('Japan', 'JP')
        ;;
        WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 120)
        INSERT INTO customer (country_id, "First Name", email, mood, active, created_at, born, score, photo)
        SELECT 1 + n % 6, (CASE n % 5 WHEN 0 THEN 'Ann' WHEN 1 THEN 'Bob' WHEN 2 THEN 'Cleo' WHEN 3 THEN 'Dan' ELSE 'Eve' END) || n,
               'person' || n || '@example.org', CASE n % 3 WHEN 0 THEN 'sad' WHEN 1 THEN 'ok' ELSE 'happy' END, n % 4 <> 0,
               datetime('2023-01-01 00:00:00', '+' || n || ' hours'), date('1970-01-01', '+' || (n * 97) || ' days'), 1 + n % 50,
               CAST('PNG' || printf('%08X', n * 2654435761 % 4294967296) AS BLOB)
        FROM g
        ;;
        WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 67)
        INSERT INTO gift (coupon_id, wrapped, message) SELECT NULL, n % 2 = 0, 'for you ' || n FROM g
        ;;
        WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 90)
        INSERT INTO "order" (customer_id, placed_at, amount, status)
        SELECT 1 + (n * 7) % 120, datetime('2024-01-01 00:00:00', '+' || n || ' days'), (n % 40) * 2.5 + 1,
               CASE n % 3 WHEN 0 THEN 'new' WHEN 1 THEN 'paid' ELSE 'shipped' END
        FROM g
        ;;
        WITH RECURSIVE l(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM l WHERE n < 3)
        INSERT INTO order_line (order_id, line_no, sku, qty)
        SELECT o.id, l.n, 'SKU-' || (1 + (o.id * l.n) % 40), 1 + (o.id + l.n) % 5 FROM "order" o JOIN l ON l.n <= 1 + o.id % 3
        ;;
        WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 25)
        INSERT INTO "Group" ("Key", "Mixed Case") SELECT n, 'value ' || (n % 4) FROM g
        """;

    /// <summary>Builds the kitchen sink in an empty SQLite file (the trigger writes one audit row per order).</summary>
    public static async Task BuildAsync(TestDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.ExecuteAsync(Schema);
        await db.ExecuteAsync(Rows);
        await db.ExecuteAsync("ANALYZE");
    }
}
