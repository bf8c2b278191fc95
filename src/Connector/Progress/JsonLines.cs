using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Sdv.Connector.Progress;

/// <summary>
/// One JSON object per line on a writer (--json-progress). Objects are queued and written by a task of
/// their own, in the order they were queued, so a slow reader of stdout (a full pipe) never holds up the
/// threads that report; <see cref="DisposeAsync"/> writes what is left and flushes.
/// </summary>
internal sealed class JsonLines : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TextWriter _writer;
    private readonly Task _pump;

    public JsonLines(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Queues one object (an "event" property first, by convention of the callers).</summary>
    public void Write(JsonObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _queue.Writer.TryWrite(value.ToJsonString(Options));
    }

    /// <summary>Seconds with millisecond precision, as every event spells times.</summary>
    public static double Seconds(TimeSpan time) => Math.Round(time.TotalSeconds, 3);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _pump;
    }

    private async Task PumpAsync()
    {
        await foreach (var line in _queue.Reader.ReadAllAsync())
        {
            await _writer.WriteLineAsync(line);
            // A scheduler reads events as they come: flush once the queue is drained, not per line.
            if (!_queue.Reader.TryPeek(out _)) await _writer.FlushAsync();
        }
        await _writer.FlushAsync();
    }
}
