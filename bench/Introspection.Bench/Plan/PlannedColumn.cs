namespace Sdv.Connector.Introspection.Bench.Plan;

internal sealed record PlannedColumn(string Name, ColumnKind Kind, bool Nullable, bool Identity = false);
