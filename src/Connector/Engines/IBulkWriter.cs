using System.Data.Common;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>
/// Loads rows with the engine's fastest path. Rows hold canonical values for every column of
/// <paramref name="table"/> in order; generated columns are skipped by the writer. Nothing is
/// visible until the whole table is written (a failed load leaves the table empty).
/// </summary>
internal interface IBulkWriter
{
    Task<long> WriteAsync(DbConnection connection, TableSchema table, IAsyncEnumerable<object?[]> rows, CancellationToken cancellationToken);
}
