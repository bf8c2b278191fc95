using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>A query <see cref="IRowReader.ReadQueryAsync"/> streams, and how its rows are handed out.</summary>
/// <param name="Sql">
/// The SELECT; its select list was built with <see cref="IRowReader.SelectExpression"/>, one expression per entry
/// of <paramref name="Columns"/>.
/// </param>
/// <param name="Columns">The columns of each row, in the select list's order.</param>
/// <param name="Label">What the warnings about unreadable cells name the columns after (a table's name, or a side and a query).</param>
/// <param name="ReuseRow">The same array is yielded for every row (overwritten by the next): the consumer copies what it keeps.</param>
internal sealed record SelectQuery(string Sql, IReadOnlyList<ColumnSchema> Columns, string Label, bool ReuseRow = false);
