using System.Data;
using System.Data.Common;
using System.Globalization;
using Sdv.Connector.Engines;
using Sdv.Connector.SchemaIntrospection.Metadata;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Pipeline;

/// <summary>Runs the sampling queries of one profile on the source's connection.</summary>
internal sealed class ProfileQueries(DbConnection connection, DbTransaction? transaction, IEngineAdapter adapter, int rows, int seed)
{
    public ISqlDialect Dialect => adapter.Dialect;

    /// <summary>Profiles of the columns from about <c>rows</c> rows spread over the table (of those where <paramref name="notNull"/> is set, when given).</summary>
    public async Task<Dictionary<string, ColumnProfile>> ProfileAsync(TableSchema table, IReadOnlyList<string> columns, long population, string? notNull, CancellationToken cancellationToken)
    {
        // A tenth more than wanted, so that a sample a little short of its mean still has about `rows` rows.
        var fraction = population <= rows ? 1 : Math.Min(1, rows * 1.1 / population);
        var profiles = columns.ToDictionary(c => c, _ => new ColumnProfile { WholeTable = fraction >= 1 && notNull is null }, StringComparer.Ordinal);
        await using var command = Command(ProfileSampling.Select(adapter, new ProfileSampleRequest(table, columns, fraction, population, seed, 2 * rows, notNull)));
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var value = await reader.IsDBNullAsync(i, cancellationToken) ? null : reader.GetValue(i);
                profiles[columns[i]].Observe(value is string or byte[] or null ? value : Convert.ToString(value, CultureInfo.InvariantCulture));
            }
        }
        return profiles;
    }

    public async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken) => (await RowAsync(sql, 1, cancellationToken))[0];

    /// <summary>The one row of counts a query returns.</summary>
    public Task<long[]> RowAsync(string sql, int width, CancellationToken cancellationToken) =>
        SqlRow.CountsAsync(connection, transaction, sql, width, cancellationToken);

    private DbCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
