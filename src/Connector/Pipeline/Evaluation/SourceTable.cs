using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Pipeline.Evaluation;

/// <summary>
/// Where one scored table lives on one side: the physical table, and the physical column of each scored column
/// this side has (the clone may name them in another case, or lack some).
/// </summary>
internal sealed record SourceTable(TableSchema Table, IReadOnlyDictionary<string, ColumnSchema> Columns);
