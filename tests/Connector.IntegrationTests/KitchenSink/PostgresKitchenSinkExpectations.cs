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
        ForeignKeys: [.. SharedSinkExpectations.ForeignKeys, new("inventory.order_line", "order_id", "order", "id"),
            new("inventory.order_line", "sku", "inventory.item", "sku")],
        Generated: SharedSinkExpectations.Generated,
        Filled:
        [
            ("customer", "created_at"), ("customer", "home"), ("customer", "tags"), ("customer", "prefs"),
            .. new[]
            {
                "price", "dims", "grid", "picture", "doc", "search", "attrs", "ip", "net", "mac", "flags", "vflags", "avail", "period", "valid",
                "amounts", "lasting", "uid", "opens", "opens_tz", "stocked", "spot", "frame",
            }.Select(c => ("inventory.item", c)),
        ],
        NewRows: SharedSinkExpectations.NewRows,
        Violations: [.. SharedSinkExpectations.Violations, new("a negative population", "city", [("name", "'Nowhere'"), ("population", "-1")])],
        Personal: SharedSinkExpectations.Personal);
}
