#!/usr/bin/env python3
"""A SQLite database with known cross-table structure, for bench/fidelity (issue 15):
a customer's segment decides its orders' channel (Cramer's V ~0.8), an order ships to its customer's
country (equal across the relationship), a line is priced at its product's price (equal across a
second parent), an order's discount grows with its number of lines, four levels
(customers > orders > order_lines > line_events). Usage: generate_structured.py OUT.db [SEED]"""
import random, sqlite3, sys

out = sys.argv[1]
rnd = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 23)
db = sqlite3.connect(out)
db.executescript("""
DROP TABLE IF EXISTS line_events; DROP TABLE IF EXISTS order_lines; DROP TABLE IF EXISTS orders;
DROP TABLE IF EXISTS products; DROP TABLE IF EXISTS customers;
CREATE TABLE customers (id INTEGER PRIMARY KEY, segment TEXT NOT NULL, country TEXT NOT NULL, age INTEGER NOT NULL);
CREATE TABLE products (id INTEGER PRIMARY KEY, category TEXT NOT NULL, price NUMERIC(8,2) NOT NULL);
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers (id), channel TEXT NOT NULL,
  ship_country TEXT NOT NULL, amount NUMERIC(10,2) NOT NULL, discount NUMERIC(4,2) NOT NULL, ordered_on DATE NOT NULL);
CREATE TABLE order_lines (line_id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES orders (id), line_no INTEGER NOT NULL,
  product_id INTEGER NOT NULL REFERENCES products (id), unit_price NUMERIC(8,2) NOT NULL, quantity INTEGER NOT NULL, UNIQUE (order_id, line_no));
CREATE TABLE line_events (id INTEGER PRIMARY KEY, line_id INTEGER NOT NULL REFERENCES order_lines (line_id), kind TEXT NOT NULL, hours REAL NOT NULL);
""")
segments, countries = ["business", "retail", "vip"], ["DE", "FR", "IT", "ES", "NL"]
categories = ["books", "garden", "kitchen", "toys", "tools"]
prices = {}
for p in range(1, 201):
    category = categories[p % 5]
    prices[p] = round(5 + categories.index(category) * 10 + rnd.random() * 5) + 0.99
    db.execute("INSERT INTO products VALUES (?,?,?)", (p, category, prices[p]))
order = line = evt = 0
for c in range(1, 1501):
    segment, country = rnd.choice(segments), rnd.choice(countries)
    db.execute("INSERT INTO customers VALUES (?,?,?,?)", (c, segment, country, 20 + rnd.randrange(50)))
    for _ in range(4 + rnd.randrange(4) if segment == "business" else 1 + rnd.randrange(3)):
        order += 1
        preferred = {"business": "web", "retail": "store", "vip": "phone"}[segment]
        channel = preferred if rnd.random() < 0.85 else rnd.choice(["web", "store", "phone"])
        lines = 1 + rnd.randrange(6)
        discount = round(lines * 0.02 + rnd.random() * 0.02, 2)
        amount = round({"vip": 400, "business": 250, "retail": 80}[segment] * (0.7 + rnd.random() * 0.6), 2)
        day = "2024-%02d-%02d" % (1 + rnd.randrange(12), 1 + rnd.randrange(28))
        db.execute("INSERT INTO orders VALUES (?,?,?,?,?,?,?)", (order, c, channel, country, amount, discount, day))
        for l in range(1, lines + 1):
            line += 1
            product = 1 + rnd.randrange(200)
            db.execute("INSERT INTO order_lines VALUES (?,?,?,?,?,?)", (line, order, l, product, prices[product], 1 + rnd.randrange(4)))
            for e in range(1 + rnd.randrange(3)):
                evt += 1
                db.execute("INSERT INTO line_events VALUES (?,?,?,?)", (evt, line, "shipped" if e == 0 else "packed", round(2 + rnd.random() * (48 if e == 0 else 6), 2)))
db.commit()
print(f"{out}: 1500 customers, {order} orders, {line} lines, {evt} events")
