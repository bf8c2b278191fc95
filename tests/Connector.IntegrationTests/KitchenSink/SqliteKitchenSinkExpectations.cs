namespace Sdv.Connector.IntegrationTests.KitchenSink;

/// <summary>What every clone of <see cref="SqliteKitchenSink"/> must hold, on any target.</summary>
public static class SqliteKitchenSinkExpectations
{
    public static KitchenSinkExpectations All { get; } = new(
        db => SqliteKitchenSink.BuildAsync(db),
        Tables:
        [
            new("country", 6), new("coupon", 0), new("gift", SqliteKitchenSink.Gifts), new("audit", SqliteKitchenSink.Orders), new("Group", 25),
            new("customer", SqliteKitchenSink.Customers, Exact: false), new("order", SqliteKitchenSink.Orders, Exact: false),
            new("order_line", 180, Exact: false),
        ],
        ForeignKeys: [.. SharedSinkExpectations.ForeignKeys, new("order_line", "order_id", "order", "id")],
        Generated: SharedSinkExpectations.Generated,
        Filled: [("customer", "created_at"), ("customer", "born"), ("customer", "photo"), ("customer", "score"), ("Group", "Mixed Case")],
        NewRows: SharedSinkExpectations.NewRows,
        Violations: [.. SharedSinkExpectations.Violations],
        Personal: SharedSinkExpectations.Personal);
}
