using System.Data.Common;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>The query <see cref="QueryRowStream.ReadAsync"/> runs, and the columns its rows hold.</summary>
/// <param name="Connection">The open connection to run it on (not closed here).</param>
/// <param name="Transaction">The transaction the command joins, if any.</param>
/// <param name="Sql">The SELECT; its select list is <paramref name="Columns"/>, in order.</param>
/// <param name="Columns">The columns of each row, in the select list's order.</param>
internal sealed record RowQuery(DbConnection Connection, DbTransaction? Transaction, string Sql, IReadOnlyList<ColumnSchema> Columns);
