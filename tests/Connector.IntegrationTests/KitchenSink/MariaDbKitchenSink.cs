using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.KitchenSink;

/// <summary>
/// The MariaDB kitchen sink: the tables every engine's sink shares (country, customer, coupon, gift, `order`, order_line,
/// audit, views customer_orders and big_customers) with MariaDB's own features: AUTO_INCREMENT, a SEQUENCE behind a
/// nextval default, ENUM, SET, JSON, BLOB, YEAR, unsigned integers, GEOMETRY NOT NULL with a SPATIAL index, generated
/// STORED and VIRTUAL columns, a partitioned table, CHECKs, a trigger, a function and a procedure, a view over a view,
/// comments, and reserved and mixed-case names. Rows come from MariaDB's sequence engine (seq_1_to_n), so they are the
/// same on every build.
/// </summary>
public static class MariaDbKitchenSink
{
    public const int Customers = 120;

    public const int Orders = 90;

    public const int Gifts = 67;

    public const string Schema = """
        CREATE TABLE country (id tinyint unsigned AUTO_INCREMENT PRIMARY KEY, name varchar(40) NOT NULL UNIQUE, code char(2) NOT NULL) COMMENT 'Countries we sell to'
        ;;
        CREATE SEQUENCE customer_seq START WITH 1 INCREMENT BY 1
        ;;
        CREATE TABLE customer (
          customer_id int unsigned NOT NULL DEFAULT nextval(customer_seq) PRIMARY KEY,
          country_id tinyint unsigned NOT NULL,
          `First Name` varchar(60) NOT NULL,
          email varchar(120) NOT NULL UNIQUE COMMENT 'Contact address',
          mood enum('sad','ok','happy') NOT NULL DEFAULT 'ok',
          hobbies set('chess','golf','music') NULL,
          active tinyint(1) NOT NULL DEFAULT 1,
          created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
          born date NULL,
          born_year year NULL,
          score smallint unsigned NULL CHECK (score > 0),
          prefs json NULL,
          photo blob NULL,
          email_domain varchar(120) AS (substring_index(email, '@', -1)) VIRTUAL,
          CONSTRAINT customer_country FOREIGN KEY (country_id) REFERENCES country (id)) COMMENT 'People who buy'
        ;;
        CREATE TABLE coupon (id int AUTO_INCREMENT PRIMARY KEY, code varchar(20) NOT NULL)
        ;;
        CREATE TABLE gift (id int AUTO_INCREMENT PRIMARY KEY, coupon_id int NULL, wrapped tinyint(1) NOT NULL DEFAULT 0, message varchar(100) NULL,
          CONSTRAINT gift_coupon FOREIGN KEY (coupon_id) REFERENCES coupon (id))
        ;;
        CREATE TABLE `order` (
          id bigint unsigned AUTO_INCREMENT PRIMARY KEY,
          customer_id int unsigned NOT NULL,
          placed_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
          amount decimal(10,2) NOT NULL CHECK (amount >= 0),
          tax decimal(12,3) AS (amount * 0.2) STORED,
          status enum('new','paid','shipped') NOT NULL,
          INDEX order_placed (placed_at),
          CONSTRAINT order_customer FOREIGN KEY (customer_id) REFERENCES customer (customer_id))
        ;;
        CREATE TABLE order_line (
          order_id bigint unsigned NOT NULL,
          line_no int NOT NULL,
          sku varchar(20) NOT NULL,
          qty int unsigned NOT NULL CHECK (qty > 0),
          PRIMARY KEY (order_id, line_no),
          CONSTRAINT order_line_order FOREIGN KEY (order_id) REFERENCES `order` (id))
        ;;
        CREATE TABLE audit (id int AUTO_INCREMENT PRIMARY KEY, what varchar(100) NOT NULL, at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP)
        ;;
        CREATE TABLE place (id int AUTO_INCREMENT PRIMARY KEY, name varchar(40) NOT NULL, location geometry NOT NULL, SPATIAL INDEX place_location (location))
        ;;
        CREATE TABLE payment (payment_id int NOT NULL AUTO_INCREMENT, paid_at datetime NOT NULL, amount decimal(8,2) NULL, PRIMARY KEY (payment_id, paid_at))
          PARTITION BY RANGE (YEAR(paid_at)) (PARTITION p2023 VALUES LESS THAN (2024), PARTITION p2024 VALUES LESS THAN (2025), PARTITION pmax VALUES LESS THAN MAXVALUE)
        ;;
        CREATE TABLE `Select` (`Key` int PRIMARY KEY, `Mixed Case` varchar(20) NOT NULL)
        ;;
        CREATE TRIGGER order_audit AFTER INSERT ON `order` FOR EACH ROW INSERT INTO audit (what) VALUES (CONCAT('order ', NEW.id))
        ;;
        CREATE FUNCTION order_total(c int unsigned) RETURNS decimal(12,2) READS SQL DATA RETURN (SELECT COALESCE(SUM(amount), 0) FROM `order` WHERE customer_id = c)
        ;;
        CREATE PROCEDURE touch_audit() MODIFIES SQL DATA UPDATE audit SET what = what
        ;;
        CREATE VIEW customer_orders AS SELECT c.customer_id, COUNT(o.id) AS orders FROM customer c LEFT JOIN `order` o ON o.customer_id = c.customer_id GROUP BY c.customer_id
        ;;
        CREATE VIEW big_customers AS SELECT customer_id FROM customer_orders WHERE orders > 1
        """;

    public const string Rows = """
        INSERT INTO country (name, code) VALUES ('France', 'FR'), ('Italy', 'IT'), ('Norway', 'NO'), ('Spain', 'ES'), ('Chile', 'CL'), ('Japan', 'JP')
        ;;
        INSERT INTO customer (country_id, `First Name`, email, mood, hobbies, active, created_at, born, born_year, score, prefs, photo)
        SELECT 1 + seq % 6, CONCAT(ELT(1 + seq % 5, 'Ann', 'Bob', 'Cleo', 'Dan', 'Eve'), seq), CONCAT('person', seq, '@example.org'),
               ELT(1 + seq % 3, 'sad', 'ok', 'happy'), ELT(1 + seq % 4, 'chess', 'golf,music', 'chess,music', 'golf'), seq % 4 <> 0,
               '2023-01-01 00:00:00' + INTERVAL seq HOUR, '1970-01-01' + INTERVAL seq * 97 DAY, 1950 + seq % 50, 1 + seq % 50,
               JSON_OBJECT('lang', ELT(1 + seq % 3, 'en', 'fr', 'it'), 'newsletter', seq % 2 = 0, 'size', 36 + seq % 10),
               UNHEX(CONCAT('89504E47', MD5(seq)))
        FROM seq_1_to_120
        ;;
        INSERT INTO gift (coupon_id, wrapped, message) SELECT NULL, seq % 2 = 0, CONCAT('for you ', seq) FROM seq_1_to_67
        ;;
        INSERT INTO `order` (customer_id, placed_at, amount, status)
        SELECT 1 + (seq * 7) % 120, '2024-01-01 00:00:00' + INTERVAL seq DAY, (seq % 40) * 2.5 + 1, ELT(1 + seq % 3, 'new', 'paid', 'shipped') FROM seq_1_to_90
        ;;
        INSERT INTO order_line (order_id, line_no, sku, qty)
        SELECT o.id, l.seq, CONCAT('SKU-', 1 + (o.id * l.seq) % 40), 1 + (o.id + l.seq) % 5 FROM `order` o JOIN seq_1_to_3 l ON l.seq <= 1 + o.id % 3
        ;;
        INSERT INTO payment (paid_at, amount) SELECT '2023-06-01 00:00:00' + INTERVAL seq DAY, seq % 90 + 0.5 FROM seq_1_to_300
        ;;
        INSERT INTO place (name, location)
        SELECT CONCAT('Place ', seq), ST_PointFromText(CONCAT('POINT(', 2 + (seq % 10) / 10, ' ', 48 + (seq % 7) / 10, ')'), 4326) FROM seq_1_to_80
        ;;
        INSERT INTO `Select` (`Key`, `Mixed Case`) SELECT seq, CONCAT('value ', seq % 4) FROM seq_1_to_25
        """;

    /// <summary>Builds the kitchen sink in an empty MariaDB database (the trigger writes one audit row per order).</summary>
    public static async Task BuildAsync(TestDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.ExecuteAsync(Schema);
        await db.ExecuteAsync(Rows);
        await db.ExecuteAsync("ANALYZE TABLE country, customer, coupon, gift, `order`, order_line, audit, place, payment, `Select`");
    }
}
