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
