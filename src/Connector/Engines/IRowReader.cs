using System.Data.Common;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>
/// Streams a table's rows with SequentialAccess, converted to the canonical cell values that the
/// models understand (see <see cref="CanonicalValues"/>), in the table's column order.
/// </summary>
internal interface IRowReader
{
    /// <summary>One line per column whose cells could not be read canonically (read as NULL), for this run.</summary>
    IReadOnlyCollection<string> Warnings { get; }

    /// <summary>Starts the read-only transaction every source read runs in (null where the engine has none).</summary>
    Task<DbTransaction?> BeginReadOnlyAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Starts the read-only transactions of several open connections that read the source side by
    /// side (one per concurrent reader), in the order given. Where the engine can share a snapshot
    /// between sessions they all see the same instant (PostgreSQL: <c>pg_export_snapshot</c>); where it
    /// cannot, each gets its own snapshot, started together (see each reader). On failure every
    /// transaction already begun is ended and the error is thrown; the caller owns the connections.
    /// </summary>
    Task<IReadOnlyList<DbTransaction?>> BeginSharedReadOnlyAsync(IReadOnlyList<DbConnection> connections, CancellationToken cancellationToken);

    IAsyncEnumerable<object?[]> ReadRowsAsync(DbConnection connection, DbTransaction? transaction, TableSchema table, CancellationToken cancellationToken);

    /// <summary>
    /// Streams the rows of <paramref name="query"/>, whose select list was built with <see cref="SelectExpression"/>,
    /// one expression per entry of its columns, converted like a table's rows.
    /// Used for the joins and counts the fit pushes down to the source. With <see cref="SelectQuery.ReuseRow"/>
    /// the same array is yielded for every row (overwritten by the next): the consumer copies what it keeps.
    /// </summary>
    IAsyncEnumerable<object?[]> ReadQueryAsync(DbConnection connection, DbTransaction? transaction, SelectQuery query, CancellationToken cancellationToken);

    /// <summary>The select-list expression that reads <paramref name="column"/> given as <paramref name="columnSql"/> (e.g. <c>t."price"</c>).</summary>
    string SelectExpression(ColumnSchema column, string columnSql);
}
