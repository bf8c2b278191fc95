namespace Sdv.Connector.Introspection.Bench.Plan;

/// <summary>A foreign key as two parallel ordered column lists, like the model it is read back into.</summary>
internal sealed record PlannedForeignKey(IReadOnlyList<string> Columns, string ParentTable, IReadOnlyList<string> ParentColumns);
