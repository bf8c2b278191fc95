-- Fills the schema; run.sh replaces @CUSTOMERS@, @PRODUCTS@, @PRODUCT_TAGS@, @ORDERS@, @LINES@.
-- Children per parent are skewed: a parent is drawn as floor(count * u^k), so low ids get many
-- children and most get few (power-law-like, k between 1.3 and 2).
SELECT setseed(0.42);
INSERT INTO region (id, name, code)
SELECT i, 'Region ' || i, 'R' || lpad(i::text, 3, '0') FROM generate_series(1, 20) i;
INSERT INTO category (id, name, description)
SELECT i, 'Category ' || i, repeat('Goods of kind ' || i || '. ', 1 + i % 5) FROM generate_series(1, 50) i;
INSERT INTO tag (id, label)
SELECT i, 'tag-' || i FROM generate_series(1, 100) i;

INSERT INTO customer (id, region_id, referred_by, email, full_name, birth_date, segment, is_active, credit_limit, created_at, notes)
SELECT i,
       1 + floor(20 * power(random(), 1.5))::int,
       CASE WHEN i > 1 AND random() < 0.3 THEN 1 + floor(random() * (i - 1))::bigint END,
       'customer' || i || '@example.com',
       (ARRAY['Ana','Ben','Chen','Dana','Eli','Fatima','Gus','Hana','Ivan','Jo'])[1 + i % 10] || ' ' ||
       (ARRAY['Smith','Garcia','Kim','Novak','Okafor','Rossi','Silva','Tanaka','Weber','Young','Zhou','Berg','Costa'])[1 + (i * 7) % 13],
       CASE WHEN random() < 0.95 THEN date '1940-01-01' + floor(random() * 25000)::int END,
       (ARRAY['consumer','business','public'])[1 + floor(power(random(), 2) * 3)::int],
       random() < 0.85,
       round((500 + random() * 20000)::numeric, 2),
       timestamp '2015-01-01' + floor(random() * 3000 * 86400) * interval '1 second',
       CASE WHEN random() < 0.2 THEN md5(i::text) || ' ' || md5((i + 1)::text) END
FROM generate_series(1, @CUSTOMERS@) i;

INSERT INTO product (id, category_id, sku, name, price, weight_g, discontinued, description)
SELECT i,
       1 + floor(50 * power(random(), 2))::int,
       'SKU-' || lpad(i::text, 8, '0'),
       'Product ' || i,
       round(exp(2 + random() * 5)::numeric, 2),
       10 + floor(random() * 5000)::int,
       random() < 0.05,
       repeat(md5(i::text), 1 + i % 4)
FROM generate_series(1, @PRODUCTS@) i;

-- Pairs are unique: product p gets tags (7p + k) mod 100 for k = 0, 1, ...
INSERT INTO product_tag (product_id, tag_id, added_on)
SELECT 1 + i % @PRODUCTS@, 1 + ((i % @PRODUCTS@) * 7 + i / @PRODUCTS@) % 100, date '2020-01-01' + i % 1000
FROM generate_series(0, @PRODUCT_TAGS@ - 1) i;

INSERT INTO orders (id, customer_id, ordered_at, status, shipping, note)
SELECT i,
       1 + floor(@CUSTOMERS@ * power(random(), 2))::bigint,
       timestamp '2019-01-01' + floor(random() * 1800 * 86400) * interval '1 second',
       (ARRAY['new','paid','shipped','cancelled','returned'])[1 + floor(power(random(), 1.5) * 5)::int],
       round((random() * 25)::numeric, 2),
       CASE WHEN random() < 0.1 THEN 'Leave at the door, order ' || i END
FROM generate_series(1, @ORDERS@) i;

INSERT INTO order_line (id, order_id, product_id, quantity, unit_price, discount)
SELECT i,
       1 + floor(@ORDERS@ * power(random(), 1.3))::bigint,
       1 + floor(@PRODUCTS@ * power(random(), 2))::int,
       1 + floor(-ln(1 - random()) * 2)::int,
       round(exp(2 + random() * 5)::numeric, 2),
       (ARRAY[0, 0, 0, 5, 10, 15])[1 + floor(random() * 6)::int]
FROM generate_series(1, @LINES@) i;

SELECT setval(pg_get_serial_sequence('customer', 'id'), (SELECT max(id) FROM customer));
SELECT setval(pg_get_serial_sequence('product', 'id'), (SELECT max(id) FROM product));
SELECT setval(pg_get_serial_sequence('orders', 'id'), (SELECT max(id) FROM orders));
SELECT setval(pg_get_serial_sequence('order_line', 'id'), (SELECT max(id) FROM order_line));
