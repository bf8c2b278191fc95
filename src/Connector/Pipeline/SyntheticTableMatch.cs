using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// A real table and the synthetic table that holds its clone; <see cref="Columns"/> gives, for each
/// real column in order, the position of its synthetic column, or -1 when the clone lacks it.
/// </summary>
internal sealed record SyntheticTableMatch(TableSchema Real, string Key, TableSchema? Synthetic, IReadOnlyList<int> Columns);
