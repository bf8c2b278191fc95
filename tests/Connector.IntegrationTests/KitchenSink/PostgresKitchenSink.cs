using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.KitchenSink;

/// <summary>
/// The PostgreSQL kitchen sink: every type, key style, default and object kind the connector
/// promises to clone, with deterministic rows. Shared tables (country, customer, coupon, gift,
/// "order", order_line, audit, views customer_orders and big_customers) have the same names on
/// every engine's kitchen sink; the rest is PostgreSQL's own: a hand-made sequence behind a nextval
/// default, serial, identity ALWAYS, enum, domain with a check, composite type, arrays, jsonb, xml,
/// bytea, uuid, inet/cidr/macaddr, interval, money, bit/varbit, ranges, tsvector, hstore, every
/// date/time type, a second schema, a reserved and a mixed-case name, a collation, a generated
/// column, a partitioned table, table inheritance, an exclusion constraint, partial, expression,
/// gin and gist indexes, a view over a view, a materialized view, functions, a procedure, a trigger,
/// comments, and (with PostGIS) geometry and geography with a spatial index. Reusable by other
/// suites: <see cref="BuildAsync"/> fills an empty database.
/// </summary>
public static class PostgresKitchenSink
{
    /// <summary>Rows of the tables whose counts a clone keeps exactly (roots): country 6, coupon 0, audit 90 (one per order).</summary>
    public const int Customers = 120;

    public const int Orders = 90;

    /// <summary>Rows of gift, whose only foreign key (to the empty coupon) is NULL everywhere.</summary>
    public const int Gifts = 67;

    public const string Schema = """
        CREATE EXTENSION IF NOT EXISTS hstore
        ;;
        CREATE EXTENSION IF NOT EXISTS btree_gist
        ;;
        CREATE SCHEMA inventory
        ;;
        CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')
        ;;
        CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0)
        ;;
        CREATE TYPE address AS (street text, number integer)
        ;;
        CREATE SEQUENCE customer_customer_id_seq START 1
        ;;
        CREATE TABLE country (id smallserial PRIMARY KEY, name varchar(40) NOT NULL UNIQUE, code char(2) NOT NULL)
        ;;
        CREATE TABLE customer (
          customer_id integer DEFAULT nextval('customer_customer_id_seq'::regclass) NOT NULL PRIMARY KEY,
          country_id smallint NOT NULL REFERENCES country,
          "First Name" text NOT NULL,
          email varchar(120) NOT NULL UNIQUE,
          mood mood NOT NULL DEFAULT 'ok',
          active boolean NOT NULL DEFAULT true,
          created_at timestamptz NOT NULL DEFAULT now(),
          born date,
          score positive_int,
          home address,
          tags text[],
          prefs jsonb,
          note text COLLATE "C")
        ;;
        CREATE TABLE coupon (id serial PRIMARY KEY, code text NOT NULL)
        ;;
        CREATE TABLE gift (id serial PRIMARY KEY, coupon_id integer REFERENCES coupon, wrapped boolean NOT NULL DEFAULT false, message text)
        ;;
        CREATE TABLE "order" (
          id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          customer_id integer NOT NULL REFERENCES customer,
          placed_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
          amount numeric(10,2) NOT NULL CHECK (amount >= 0),
          tax numeric(12,3) GENERATED ALWAYS AS (amount * 0.2) STORED,
          status text NOT NULL CHECK (status IN ('new', 'paid', 'shipped')))
        ;;
        CREATE TABLE inventory.item (
          sku varchar(20) PRIMARY KEY,
          name text NOT NULL,
          price money,
          weight real,
          dims integer[],
          grid integer[][],
          picture bytea,
          doc xml,
          search tsvector,
          attrs hstore,
          ip inet,
          net cidr,
          mac macaddr,
          flags bit(8),
          vflags bit varying(16),
          avail int4range,
          period daterange,
          valid tstzrange,
          amounts numrange,
          lasting interval,
          uid uuid NOT NULL DEFAULT gen_random_uuid(),
          opens time,
          opens_tz timetz,
          stocked timestamp(3),
          spot point,
          frame box)
        ;;
        CREATE TABLE inventory.order_line (
          order_id bigint NOT NULL REFERENCES "order",
          line_no integer NOT NULL,
          sku varchar(20) NOT NULL REFERENCES inventory.item,
          qty integer NOT NULL CHECK (qty > 0),
          PRIMARY KEY (order_id, line_no))
        ;;
        CREATE TABLE payment (payment_id serial, paid_at timestamptz NOT NULL, amount numeric(8,2), PRIMARY KEY (payment_id, paid_at)) PARTITION BY RANGE (paid_at)
        ;;
        CREATE TABLE payment_2023 PARTITION OF payment FOR VALUES FROM ('2023-01-01') TO ('2024-01-01')
        ;;
        CREATE TABLE payment_2024 PARTITION OF payment FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')
        ;;
        CREATE TABLE city (id serial PRIMARY KEY, name text NOT NULL, population integer CHECK (population >= 0))
        ;;
        CREATE TABLE capital (country_code char(2) NOT NULL) INHERITS (city)
        ;;
        CREATE TABLE booking (id serial PRIMARY KEY, room integer NOT NULL, during tstzrange NOT NULL, EXCLUDE USING gist (room WITH =, during WITH &&))
        ;;
        CREATE TABLE audit (id serial PRIMARY KEY, what text NOT NULL, at timestamptz NOT NULL DEFAULT now())
        ;;
        CREATE INDEX customer_email_lower ON customer (lower(email))
        ;;
        CREATE INDEX order_paid ON "order" (placed_at) WHERE status = 'paid'
        ;;
        CREATE INDEX item_search ON inventory.item USING gin (search)
        ;;
        CREATE INDEX customer_born ON customer (born)
        ;;
        CREATE FUNCTION log_order() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO audit (what) VALUES ('order ' || NEW.id); RETURN NEW; END $$
        ;;
        CREATE TRIGGER order_audit AFTER INSERT ON "order" FOR EACH ROW EXECUTE FUNCTION log_order()
        ;;
        CREATE FUNCTION order_total(c integer) RETURNS numeric LANGUAGE sql STABLE AS 'SELECT coalesce(sum(amount), 0) FROM "order" WHERE customer_id = c'
        ;;
        CREATE PROCEDURE touch_audit() LANGUAGE sql AS 'UPDATE audit SET what = what'
        ;;
        CREATE VIEW customer_orders AS SELECT c.customer_id, count(o.id) AS orders FROM customer c LEFT JOIN "order" o ON o.customer_id = c.customer_id GROUP BY c.customer_id
        ;;
        CREATE VIEW big_customers AS SELECT customer_id FROM customer_orders WHERE orders > 1
        ;;
        COMMENT ON TABLE customer IS 'People who buy'
        ;;
        COMMENT ON COLUMN customer.email IS 'Contact address'
        """;

    public const string Rows = """
        INSERT INTO country (name, code) VALUES ('France', 'FR'), ('Italy', 'IT'), ('Norway', 'NO'), ('Spain', 'ES'), ('Chile', 'CL'), ('Japan', 'JP')
        ;;
        INSERT INTO customer (country_id, "First Name", email, mood, active, created_at, born, score, home, tags, prefs, note)
        SELECT 1 + g % 6, (ARRAY['Ann', 'Bob', 'Cleo', 'Dan', 'Eve'])[1 + g % 5] || g, 'person' || g || '@example.org',
               (ARRAY['sad', 'ok', 'happy'])[1 + g % 3]::mood, g % 4 <> 0, '2023-01-01'::timestamptz + (g || ' hours')::interval,
               '1970-01-01'::date + g * 97, 1 + g % 50, ROW('Main St', g)::address, ARRAY['red', 'green', 'c' || (g % 7)],
               jsonb_build_object('lang', (ARRAY['en', 'fr', 'it'])[1 + g % 3], 'newsletter', g % 2 = 0, 'size', 36 + g % 10, 'tags', jsonb_build_array('a', 'b')),
               'note number ' || g
        FROM generate_series(1, 120) g
        ;;
        INSERT INTO gift (coupon_id, wrapped, message) SELECT NULL, g % 2 = 0, 'for you ' || g FROM generate_series(1, 67) g
        ;;
        INSERT INTO "order" (customer_id, placed_at, amount, status)
        SELECT 1 + (g * 7) % 120, '2024-01-01'::timestamp + (g || ' days')::interval, (g % 40) * 2.5 + 1, (ARRAY['new', 'paid', 'shipped'])[1 + g % 3]
        FROM generate_series(1, 90) g
        ;;
        INSERT INTO inventory.item (sku, name, price, weight, dims, grid, picture, doc, search, attrs, ip, net, mac, flags, vflags, avail, period, valid, amounts, lasting, opens, opens_tz, stocked, spot, frame)
        SELECT 'SKU-' || g, 'Item ' || g, (g * 1.25)::money, g / 3.0, ARRAY[g, g * 2, 10], ARRAY[[g, 1], [2, 3]],
               decode('89504e47' || md5(g::text), 'hex'),
               ('<item id="' || g || '"><kind>' || (ARRAY['tool', 'toy'])[1 + g % 2] || '</kind><label>label ' || g || '</label></item>')::xml,
               to_tsvector('english', 'a sturdy ' || (ARRAY['red', 'blue', 'green'])[1 + g % 3] || ' tool number ' || g),
               ('color=>' || (ARRAY['red', 'blue'])[1 + g % 2] || ', size=>' || g)::hstore,
               ('10.1.' || g % 4 || '.' || g)::inet, ('192.168.' || g % 8 || '.0/24')::cidr, ('08:00:2b:01:02:' || lpad(to_hex(g), 2, '0'))::macaddr,
               (g % 256)::bit(8), (g::bit(12))::varbit, int4range(g, g + 10), daterange('2024-01-01'::date + g, '2024-01-01'::date + g + 7),
               tstzrange('2024-03-01'::timestamptz + (g || ' hours')::interval, '2024-03-02'::timestamptz + (g || ' hours')::interval),
               numrange(g / 4.0, g), (g || ' minutes')::interval, ('08:00'::time + (g || ' minutes')::interval), ('08:00+02'::timetz + (g || ' minutes')::interval),
               '2024-02-01 10:00:00.125'::timestamp + (g || ' hours')::interval, point(g, g * 2), box(point(0, 0), point(g, g))
        FROM generate_series(1, 40) g
        ;;
        INSERT INTO inventory.order_line (order_id, line_no, sku, qty)
        SELECT o.id, l, 'SKU-' || (1 + (o.id * l) % 40), 1 + (o.id + l) % 5 FROM "order" o CROSS JOIN generate_series(1, 3) l WHERE l <= 1 + o.id % 3
        ;;
        INSERT INTO payment (paid_at, amount) SELECT '2023-06-01'::timestamptz + (g || ' days')::interval, g % 90 + 0.5 FROM generate_series(1, 300) g
        ;;
        INSERT INTO city (name, population) SELECT 'Town ' || g, g * 1000 FROM generate_series(1, 30) g
        ;;
        INSERT INTO capital (name, population, country_code) SELECT 'Capital ' || g, g * 100000, (ARRAY['FR', 'IT', 'NO'])[1 + g % 3] FROM generate_series(1, 12) g
        ;;
        INSERT INTO booking (room, during)
        SELECT g % 4, tstzrange('2024-05-01'::timestamptz + (g / 4 || ' days')::interval, '2024-05-01'::timestamptz + (g / 4 + 1 || ' days')::interval)
        FROM generate_series(0, 79) g
        ;;
        CREATE MATERIALIZED VIEW monthly_orders AS SELECT date_trunc('month', placed_at) AS month, sum(amount) AS total FROM "order" GROUP BY 1
        """;

    /// <summary>The PostGIS part, created only where the extension is available.</summary>
    public const string PostGis = """
        CREATE EXTENSION IF NOT EXISTS postgis
        ;;
        CREATE TABLE place (
          id serial PRIMARY KEY,
          name text NOT NULL,
          location geometry(Point, 4326) NOT NULL,
          area geometry(Polygon, 4326),
          spot geography(Point, 4326))
        ;;
        CREATE INDEX place_location ON place USING gist (location)
        ;;
        INSERT INTO place (name, location, area, spot)
        SELECT 'Place ' || g, ST_SetSRID(ST_MakePoint(2 + (g % 10) / 10.0, 48 + (g % 7) / 10.0), 4326),
               ST_SetSRID(ST_Buffer(ST_MakePoint(2 + (g % 10) / 10.0, 48), 0.05, 4), 4326),
               ST_SetSRID(ST_MakePoint(10 + (g % 10) / 10.0, 50), 4326)::geography
        FROM generate_series(1, 80) g
        """;

    /// <summary>True where the server can create PostGIS (Debian's postgresql-15-postgis-3).</summary>
    public static async Task<bool> HasPostGisAsync(TestDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.ScalarAsync<long>("SELECT count(*) FROM pg_available_extensions WHERE name = 'postgis'") > 0;
    }

    /// <summary>Builds the kitchen sink in an empty PostgreSQL database; returns whether the PostGIS part is in it.</summary>
    public static async Task<bool> BuildAsync(TestDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.ExecuteAsync(Schema);
        await db.ExecuteAsync(Rows);
        var postGis = await HasPostGisAsync(db);
        if (postGis) await db.ExecuteAsync(PostGis);
        await db.ExecuteAsync("ANALYZE");
        return postGis;
    }
}
