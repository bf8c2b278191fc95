-- Fills the schema with MariaDB's Sequence engine (seq_1_to_N); run.sh replaces @CUSTOMERS@,
-- @PRODUCTS@, @PRODUCT_TAGS@, @ORDERS@, @LINES@. Same distributions as postgresql/generate.sql.
SET SESSION rand_seed1 = 42, rand_seed2 = 4242;
SET SESSION foreign_key_checks = 0;
SET SESSION unique_checks = 0;

INSERT INTO region (id, name, code)
SELECT seq, CONCAT('Region ', seq), CONCAT('R', LPAD(seq, 3, '0')) FROM seq_1_to_20;
INSERT INTO category (id, name, description)
SELECT seq, CONCAT('Category ', seq), REPEAT(CONCAT('Goods of kind ', seq, '. '), 1 + seq % 5) FROM seq_1_to_50;
INSERT INTO tag (id, label)
SELECT seq, CONCAT('tag-', seq) FROM seq_1_to_100;

INSERT INTO customer (id, region_id, referred_by, email, full_name, birth_date, segment, is_active, credit_limit, created_at, notes)
SELECT seq,
       1 + FLOOR(20 * POW(RAND(), 1.5)),
       CASE WHEN seq > 1 AND RAND() < 0.3 THEN 1 + FLOOR(RAND() * (seq - 1)) END,
       CONCAT('customer', seq, '@example.com'),
       CONCAT(ELT(1 + seq % 10, 'Ana','Ben','Chen','Dana','Eli','Fatima','Gus','Hana','Ivan','Jo'), ' ',
              ELT(1 + (seq * 7) % 13, 'Smith','Garcia','Kim','Novak','Okafor','Rossi','Silva','Tanaka','Weber','Young','Zhou','Berg','Costa')),
       CASE WHEN RAND() < 0.95 THEN DATE '1940-01-01' + INTERVAL FLOOR(RAND() * 25000) DAY END,
       ELT(1 + FLOOR(POW(RAND(), 2) * 3), 'consumer', 'business', 'public'),
       RAND() < 0.85,
       ROUND(500 + RAND() * 20000, 2),
       TIMESTAMP '2015-01-01 00:00:00' + INTERVAL FLOOR(RAND() * 3000 * 86400) SECOND,
       CASE WHEN RAND() < 0.2 THEN CONCAT(MD5(seq), ' ', MD5(seq + 1)) END
FROM seq_1_to_@CUSTOMERS@;

INSERT INTO product (id, category_id, sku, name, price, weight_g, discontinued, description)
SELECT seq,
       1 + FLOOR(50 * POW(RAND(), 2)),
       CONCAT('SKU-', LPAD(seq, 8, '0')),
       CONCAT('Product ', seq),
       ROUND(EXP(2 + RAND() * 5), 2),
       10 + FLOOR(RAND() * 5000),
       RAND() < 0.05,
       REPEAT(MD5(seq), 1 + seq % 4)
FROM seq_1_to_@PRODUCTS@;

-- Pairs are unique: product p gets tags (7p + k) mod 100 for k = 0, 1, ...
INSERT INTO product_tag (product_id, tag_id, added_on)
SELECT 1 + (seq - 1) % @PRODUCTS@, 1 + (((seq - 1) % @PRODUCTS@) * 7 + (seq - 1) DIV @PRODUCTS@) % 100, DATE '2020-01-01' + INTERVAL ((seq - 1) % 1000) DAY
FROM seq_1_to_@PRODUCT_TAGS@;

INSERT INTO orders (id, customer_id, ordered_at, status, shipping, note)
SELECT seq,
       1 + FLOOR(@CUSTOMERS@ * POW(RAND(), 2)),
       TIMESTAMP '2019-01-01 00:00:00' + INTERVAL FLOOR(RAND() * 1800 * 86400) SECOND,
       ELT(1 + FLOOR(POW(RAND(), 1.5) * 5), 'new', 'paid', 'shipped', 'cancelled', 'returned'),
       ROUND(RAND() * 25, 2),
       CASE WHEN RAND() < 0.1 THEN CONCAT('Leave at the door, order ', seq) END
FROM seq_1_to_@ORDERS@;

INSERT INTO order_line (id, order_id, product_id, quantity, unit_price, discount)
SELECT seq,
       1 + FLOOR(@ORDERS@ * POW(RAND(), 1.3)),
       1 + FLOOR(@PRODUCTS@ * POW(RAND(), 2)),
       1 + FLOOR(-LN(1 - RAND()) * 2),
       ROUND(EXP(2 + RAND() * 5), 2),
       ELT(1 + FLOOR(RAND() * 6), 0, 0, 0, 5, 10, 15)
FROM seq_1_to_@LINES@;

SET SESSION foreign_key_checks = 1;
SET SESSION unique_checks = 1;
ANALYZE TABLE region, category, tag, customer, product, product_tag, orders, order_line;
