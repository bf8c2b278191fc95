using System.Data.Common;
using System.Globalization;

namespace Sdv.Connector.Pipeline;

/// <summary>The one row of counts an aggregate query on the source returns (NULL counts as 0).</summary>
internal static class SqlRow
{
    public static async Task<long[]> CountsAsync(DbConnection connection, DbTransaction? transaction, string sql, int width, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new long[width];
        if (!await reader.ReadAsync(cancellationToken)) return values;
        for (var i = 0; i < width; i++) values[i] = reader.IsDBNull(i) ? 0 : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
        return values;
    }
}
