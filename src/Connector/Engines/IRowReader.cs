using System.Data.Common;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>
/// Streams a table's rows with SequentialAccess, converted to the canonical cell values that the
/// models understand (see <see cref="CanonicalValues"/>), in the table's column order.
/// </summary>
internal interface IRowReader
{
    /// <summary>Starts the read-only transaction every source read runs in (null where the engine has none).</summary>
    Task<DbTransaction?> BeginReadOnlyAsync(DbConnection connection, CancellationToken cancellationToken);

    IAsyncEnumerable<object?[]> ReadRowsAsync(DbConnection connection, DbTransaction? transaction, TableSchema table, CancellationToken cancellationToken);
}
