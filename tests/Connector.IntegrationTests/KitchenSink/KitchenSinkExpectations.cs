using Sdv.Connector.IntegrationTests.Infrastructure;

namespace Sdv.Connector.IntegrationTests.KitchenSink;

/// <summary>A table of a kitchen sink (<c>schema.name</c> where it is not in the default schema) and its source rows; <paramref name="Exact"/> where the clone keeps the count (roots), else within 10%.</summary>
public sealed record SinkTable(string Name, int Rows, bool Exact = true);

/// <summary>A foreign key of one column, by table names as in <see cref="SinkTable"/>.</summary>
public sealed record SinkForeignKey(string Table, string Column, string Parent, string ParentColumn);

/// <summary>A row written without its key: it must get one above every loaded key from the clone's sequence, identity or auto-increment.</summary>
public sealed record SinkNewRow(string Table, string Key, IReadOnlyList<(string Column, string Literal)> Values);

/// <summary>A row that breaks a CHECK (or a domain, an enum): the clone must refuse it.</summary>
public sealed record SinkViolation(string Why, string Table, IReadOnlyList<(string Column, string Literal)> Values);

/// <summary>
/// What every clone of one engine's kitchen sink must hold, whatever the target: its tables and counts, its foreign
/// keys, its generated columns (with the expression, in SQL all three engines read), the columns whose values must be
/// generated rather than NULLed, a row to insert without its key, rows the constraints refuse, and personal columns
/// whose source values must not appear.
/// </summary>
public sealed record KitchenSinkExpectations(
    Func<TestDatabase, Task> Build,
    IReadOnlyList<SinkTable> Tables,
    IReadOnlyList<SinkForeignKey> ForeignKeys,
    IReadOnlyList<(string Table, string Column, string Expression)> Generated,
    IReadOnlyList<(string Table, string Column)> Filled,
    IReadOnlyList<SinkNewRow> NewRows,
    IReadOnlyList<SinkViolation> Violations,
    IReadOnlyList<(string Table, string Column)> Personal);

/// <summary>
/// The expectations of the tables every engine's kitchen sink has under the same names (country, customer, coupon,
/// gift, "order", audit): one place, so the three sinks cannot drift apart on them.
/// </summary>
public static class SharedSinkExpectations
{
    private const string AnyCountry = "(SELECT MIN(id) FROM country)";
    private const string AnyCustomer = "(SELECT MIN(customer_id) FROM customer)";

    public static IReadOnlyList<SinkForeignKey> ForeignKeys { get; } =
    [
        new("customer", "country_id", "country", "id"), new("gift", "coupon_id", "coupon", "id"),
        new("order", "customer_id", "customer", "customer_id"),
    ];

    public static IReadOnlyList<(string Table, string Column, string Expression)> Generated { get; } = [("order", "tax", "amount * 0.2")];

    public static IReadOnlyList<SinkNewRow> NewRows { get; } =
    [
        new("customer", "customer_id", [("country_id", AnyCountry), ("First Name", "'New'"), ("email", "'new.after.clone@example.org'")]),
        new("order", "id", [("customer_id", AnyCustomer), ("amount", "10"), ("status", "'new'")]),
        new("gift", "id", [("message", "'new gift'")]),
        new("audit", "id", [("what", "'new audit'")]),
    ];

    /// <summary>Rows the shared tables' constraints refuse on every sink: a negative amount, a status, a mood and a score out of bounds.</summary>
    public static IReadOnlyList<SinkViolation> Violations { get; } =
    [
        new("a negative amount", "order", [("customer_id", AnyCustomer), ("amount", "-1"), ("status", "'new'")]),
        new("a status outside its list", "order", [("customer_id", AnyCustomer), ("amount", "1"), ("status", "'lost'")]),
        new("a mood outside its list", "customer", [("country_id", AnyCountry), ("First Name", "'Bad'"), ("email", "'bad.mood@example.org'"), ("mood", "'angry'")]),
        new("a score of 0", "customer", [("country_id", AnyCountry), ("First Name", "'Zero'"), ("email", "'zero.score@example.org'"), ("score", "0")]),
    ];

    public static IReadOnlyList<(string Table, string Column)> Personal { get; } = [("customer", "email"), ("customer", "First Name")];
}

