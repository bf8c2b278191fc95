using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Pipeline.Evaluation;

/// <summary>A relationship on one side in physical terms: the tables, and the foreign key and key columns, paired in order.</summary>
internal sealed record JoinSpec(TableSchema Parent, IReadOnlyList<ColumnSchema> ParentColumns, TableSchema Child, IReadOnlyList<ColumnSchema> ChildColumns);
