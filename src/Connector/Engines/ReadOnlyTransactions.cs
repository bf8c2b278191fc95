using System.Data.Common;

namespace Sdv.Connector.Engines;

/// <summary>Begins and ends groups of read-only transactions for the readers' <see cref="IRowReader.BeginSharedReadOnlyAsync"/>.</summary>
internal static class ReadOnlyTransactions
{
    /// <summary>
    /// One transaction per connection, all begun at once (for engines that cannot share a snapshot:
    /// starting them together keeps their instants as close as the engine allows).
    /// </summary>
    public static async Task<IReadOnlyList<DbTransaction?>> BeginEachAsync(IRowReader reader, IReadOnlyList<DbConnection> connections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(connections);
        var begun = connections.Select(c => reader.BeginReadOnlyAsync(c, cancellationToken)).ToArray();
        try
        {
            return await Task.WhenAll(begun);
        }
        catch
        {
            await DisposeAsync(begun.Where(static t => t.IsCompletedSuccessfully).Select(static t => t.Result));
            throw;
        }
    }

    /// <summary>Ends (rolls back) every transaction given; the first failure to end one is thrown after all were tried.</summary>
    public static async Task DisposeAsync(IEnumerable<DbTransaction?> transactions)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        Exception? first = null;
        foreach (var transaction in transactions)
        {
            if (transaction is null) continue;
            try
            {
                await transaction.DisposeAsync();
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                first ??= e;
            }
        }
        if (first is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
    }
}
