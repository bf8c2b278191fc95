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
        ForeignKeys: [.. SharedSinkExpectations.ForeignKeys, new("order_line", "order_id", "order", "id")],
        Generated: SharedSinkExpectations.Generated,
        Filled:
        [
            ("customer", "hobbies"), ("customer", "created_at"), ("customer", "born_year"), ("customer", "prefs"), ("customer", "photo"),
            ("place", "location"), ("Select", "Mixed Case"),
        ],
        NewRows: SharedSinkExpectations.NewRows,
        Violations: [.. SharedSinkExpectations.Violations],
        Personal: SharedSinkExpectations.Personal);
}
