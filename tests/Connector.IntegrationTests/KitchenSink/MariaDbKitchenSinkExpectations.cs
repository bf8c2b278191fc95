namespace Sdv.Connector.IntegrationTests.KitchenSink;

/// <summary>What every clone of <see cref="MariaDbKitchenSink"/> must hold, on any target.</summary>
public static class MariaDbKitchenSinkExpectations
{
    public static KitchenSinkExpectations All { get; } = new(
        db => MariaDbKitchenSink.BuildAsync(db),
        Tables:
        [
            new("country", 6), new("coupon", 0), new("gift", MariaDbKitchenSink.Gifts), new("audit", MariaDbKitchenSink.Orders),
            new("payment", 300), new("place", 80), new("Select", 25),
            new("customer", MariaDbKitchenSink.Customers, Exact: false), new("order", MariaDbKitchenSink.Orders, Exact: false),
            new("order_line", 180, Exact: false),
        ],
        ForeignKeys:
        [
            new("customer", "country_id", "country", "id"), new("gift", "coupon_id", "coupon", "id"),
            new("order", "customer_id", "customer", "customer_id"), new("order_line", "order_id", "order", "id"),
        ],
        Generated: [("order", "tax", "amount * 0.2")],
        Filled:
        [
            ("customer", "hobbies"), ("customer", "created_at"), ("customer", "born_year"), ("customer", "prefs"), ("customer", "photo"),
            ("place", "location"), ("Select", "Mixed Case"),
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
            new("a status outside the enum", "order", [("customer_id", "(SELECT MIN(customer_id) FROM customer)"), ("amount", "1"), ("status", "'lost'")]),
            new("a mood outside the enum", "customer", [("country_id", "(SELECT MIN(id) FROM country)"), ("First Name", "'Bad'"), ("email", "'bad.mood@example.org'"), ("mood", "'angry'")]),
            new("a score of 0", "customer", [("country_id", "(SELECT MIN(id) FROM country)"), ("First Name", "'Zero'"), ("email", "'zero.score@example.org'"), ("score", "0")]),
        ],
        Personal: [("customer", "email"), ("customer", "First Name")]);
}
