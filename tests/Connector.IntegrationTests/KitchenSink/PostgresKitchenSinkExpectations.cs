namespace Sdv.Connector.IntegrationTests.KitchenSink;

/// <summary>What every clone of <see cref="PostgresKitchenSink"/> must hold, on any target.</summary>
public static class PostgresKitchenSinkExpectations
{
    public static KitchenSinkExpectations All { get; } = new(
        db => PostgresKitchenSink.BuildAsync(db),
        Tables:
        [
            new("country", 6), new("coupon", 0), new("gift", PostgresKitchenSink.Gifts), new("audit", PostgresKitchenSink.Orders),
            new("inventory.item", 40), new("payment", 300), new("capital", 12),
            new("customer", PostgresKitchenSink.Customers, Exact: false), new("order", PostgresKitchenSink.Orders, Exact: false),
            new("inventory.order_line", 180, Exact: false),
        ],
        ForeignKeys:
        [
            new("customer", "country_id", "country", "id"), new("gift", "coupon_id", "coupon", "id"),
            new("order", "customer_id", "customer", "customer_id"), new("inventory.order_line", "order_id", "order", "id"),
            new("inventory.order_line", "sku", "inventory.item", "sku"),
        ],
        Generated: [("order", "tax", "amount * 0.2")],
        Filled:
        [
            ("customer", "created_at"), ("customer", "home"), ("customer", "tags"), ("customer", "prefs"),
            .. new[]
            {
                "price", "dims", "grid", "picture", "doc", "search", "attrs", "ip", "net", "mac", "flags", "vflags", "avail", "period", "valid",
                "amounts", "lasting", "uid", "opens", "opens_tz", "stocked", "spot", "frame",
            }.Select(c => ("inventory.item", c)),
        ],
        NewRows:
        [
            new("customer", "customer_id", [("country_id", "(SELECT MIN(id) FROM country)"), ("First Name", "'New'"), ("email", "'new.after.clone@example.org'")]),
            new("order", "id", [("customer_id", "(SELECT MIN(customer_id) FROM customer)"), ("amount", "10"), ("status", "'new'")]),
            new("gift", "id", [("message", "'new gift'")]),
            new("audit", "id", [("what", "'new audit'")]),
        ],
        Violations:
        [
            new("a negative amount", "order", [("customer_id", "(SELECT MIN(customer_id) FROM customer)"), ("amount", "-1"), ("status", "'new'")]),
            new("a status outside its list", "order", [("customer_id", "(SELECT MIN(customer_id) FROM customer)"), ("amount", "1"), ("status", "'lost'")]),
            new("a negative population", "city", [("name", "'Nowhere'"), ("population", "-1")]),
            new("a score of 0 (its domain is positive)", "customer", [("country_id", "(SELECT MIN(id) FROM country)"), ("First Name", "'Zero'"), ("email", "'zero.score@example.org'"), ("score", "0")]),
            new("a mood outside the enum", "customer", [("country_id", "(SELECT MIN(id) FROM country)"), ("First Name", "'Bad'"), ("email", "'bad.mood@example.org'"), ("mood", "'angry'")]),
        ],
        Personal: [("customer", "email"), ("customer", "First Name")]);
}
