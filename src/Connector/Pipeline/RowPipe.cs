using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// Hands generated rows to a bulk writer while the next ones are generated: the sampler runs on a
/// worker, the writer on the caller, with a bounded queue of row batches between them, so both
/// cores work and memory stays flat. Rows keep their order; a failure on either side stops both.
/// </summary>
internal static class RowPipe
{
    private const int BatchSize = 512;
    private const int BatchesInFlight = 16;

    public static async IAsyncEnumerable<object?[]> Pipelined(IEnumerable<object?[]> rows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var channel = Channel.CreateBounded<object?[][]>(new BoundedChannelOptions(BatchesInFlight)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                var batch = new List<object?[]>(BatchSize);
                foreach (var row in rows)
                {
                    batch.Add(row);
                    if (batch.Count == BatchSize)
                    {
                        await channel.Writer.WriteAsync([.. batch], stop.Token);
                        batch.Clear();
                    }
                }
                if (batch.Count > 0) await channel.Writer.WriteAsync([.. batch], stop.Token);
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken))
            {
                foreach (var row in batch) yield return row;
            }
        }
        finally
        {
            // The writer stopped early (it failed or was cancelled): stop generating too, and wait, so
            // the sampler is never left running behind the caller's back.
            await stop.CancelAsync();
            await producer;
        }
    }
}
