-- After the data, as pg_dump orders it: foreign keys, then indexes on them, then statistics.
ALTER TABLE customer    ADD CONSTRAINT customer_region_fk   FOREIGN KEY (region_id)   REFERENCES region (id);
ALTER TABLE customer    ADD CONSTRAINT customer_referrer_fk FOREIGN KEY (referred_by) REFERENCES customer (id);
ALTER TABLE product     ADD CONSTRAINT product_category_fk  FOREIGN KEY (category_id) REFERENCES category (id);
ALTER TABLE product_tag ADD CONSTRAINT product_tag_product_fk FOREIGN KEY (product_id) REFERENCES product (id);
ALTER TABLE product_tag ADD CONSTRAINT product_tag_tag_fk   FOREIGN KEY (tag_id)      REFERENCES tag (id);
ALTER TABLE orders      ADD CONSTRAINT orders_customer_fk   FOREIGN KEY (customer_id) REFERENCES customer (id);
ALTER TABLE order_line  ADD CONSTRAINT order_line_order_fk  FOREIGN KEY (order_id)    REFERENCES orders (id);
ALTER TABLE order_line  ADD CONSTRAINT order_line_product_fk FOREIGN KEY (product_id) REFERENCES product (id);
CREATE INDEX customer_region_ix    ON customer (region_id);
CREATE INDEX customer_referrer_ix  ON customer (referred_by);
CREATE INDEX product_category_ix   ON product (category_id);
CREATE INDEX product_tag_tag_ix    ON product_tag (tag_id);
CREATE INDEX orders_customer_ix    ON orders (customer_id);
CREATE INDEX order_line_order_ix   ON order_line (order_id);
CREATE INDEX order_line_product_ix ON order_line (product_id);
ANALYZE;
