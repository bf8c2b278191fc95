using System.Data.Common;
using Dapper;

namespace Sdv.Connector.SchemaIntrospection.Engines;

/// <summary>
/// Runs a catalog query and maps its rows, by column alias, to a small record (Dapper). Catalog
/// results are small, so they are buffered. A record property whose column is NULL is left unset and
/// keeps its initial value; a column whose type differs from the property's (MariaDB's unsigned
/// bigints, SQL Server's tinyint and smallint) is converted by Dapper.
/// </summary>
internal static class CatalogQuery
{
    public static async Task<IReadOnlyList<T>> ListAsync<T>(
        DbConnection connection, string sql, CancellationToken cancellationToken, object? parameters = null, DbTransaction? transaction = null)
    {
        var rows = await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }
}
