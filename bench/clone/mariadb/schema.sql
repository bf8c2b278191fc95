-- The benchmark's source schema (MariaDB): the same tables as postgresql/schema.sql, with the
-- foreign keys inline (generate.sql turns their checks off while loading).
CREATE TABLE region (
    id       int PRIMARY KEY,
    name     varchar(40) NOT NULL,
    code     varchar(8)  NOT NULL UNIQUE
);
CREATE TABLE category (
    id          int PRIMARY KEY,
    name        varchar(60) NOT NULL,
    description text
);
CREATE TABLE tag (
    id    int PRIMARY KEY,
    label varchar(40) NOT NULL UNIQUE
);
CREATE TABLE customer (
    id           bigint AUTO_INCREMENT PRIMARY KEY,
    region_id    int NOT NULL,
    referred_by  bigint,
    email        varchar(120) NOT NULL,
    full_name    varchar(100) NOT NULL,
    birth_date   date,
    segment      varchar(10) NOT NULL CHECK (segment IN ('consumer', 'business', 'public')),
    is_active    boolean NOT NULL,
    credit_limit decimal(12,2) NOT NULL,
    created_at   datetime NOT NULL,
    notes        text,
    CONSTRAINT customer_region_fk   FOREIGN KEY (region_id)   REFERENCES region (id),
    CONSTRAINT customer_referrer_fk FOREIGN KEY (referred_by) REFERENCES customer (id)
);
CREATE TABLE product (
    id           int AUTO_INCREMENT PRIMARY KEY,
    category_id  int NOT NULL,
    sku          varchar(20) NOT NULL UNIQUE,
    name         varchar(100) NOT NULL,
    price        decimal(12,2) NOT NULL CHECK (price >= 0),
    weight_g     int NOT NULL,
    discontinued boolean NOT NULL,
    description  text,
    CONSTRAINT product_category_fk FOREIGN KEY (category_id) REFERENCES category (id)
);
CREATE TABLE product_tag (
    product_id int NOT NULL,
    tag_id     int NOT NULL,
    added_on   date NOT NULL,
    PRIMARY KEY (product_id, tag_id),
    CONSTRAINT product_tag_product_fk FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT product_tag_tag_fk     FOREIGN KEY (tag_id)     REFERENCES tag (id)
);
CREATE TABLE orders (
    id          bigint AUTO_INCREMENT PRIMARY KEY,
    customer_id bigint NOT NULL,
    ordered_at  datetime NOT NULL,
    status      varchar(10) NOT NULL CHECK (status IN ('new', 'paid', 'shipped', 'cancelled', 'returned')),
    shipping    decimal(12,2) NOT NULL,
    note        varchar(200),
    CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id)
);
CREATE TABLE order_line (
    id         bigint AUTO_INCREMENT PRIMARY KEY,
    order_id   bigint NOT NULL,
    product_id int NOT NULL,
    quantity   int NOT NULL CHECK (quantity > 0),
    unit_price decimal(12,2) NOT NULL,
    discount   decimal(5,2) NOT NULL,
    CONSTRAINT order_line_order_fk   FOREIGN KEY (order_id)   REFERENCES orders (id),
    CONSTRAINT order_line_product_fk FOREIGN KEY (product_id) REFERENCES product (id)
);
