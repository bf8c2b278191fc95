namespace Sdv.Connector.Introspection.Bench.Plan;

internal sealed record PlannedTable(
    string Name,
    IReadOnlyList<PlannedColumn> Columns,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<PlannedForeignKey> ForeignKeys);
