namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>
/// A bounded uniform sample of a stream whatever order it comes in: every row gets a priority from a seeded hash of
/// its cells, and the <see cref="Capacity"/> rows with the smallest priorities are kept. The same rows and seed give
/// the same sample on every engine and in every run (a database may return rows in any order).
/// </summary>
internal sealed class PriorityReservoir(int capacity)
{
    private readonly PriorityQueue<object?[], ulong> _kept = new(Comparer<ulong>.Create((a, b) => b.CompareTo(a)));

    public int Capacity { get; } = capacity;

    /// <summary>Rows offered.</summary>
    public long Seen { get; private set; }

    /// <summary>Offers a row; <paramref name="copy"/> is called only when the row is kept.</summary>
    public void Offer(ulong priority, Func<object?[]> copy)
    {
        Seen++;
        if (_kept.Count < Capacity)
        {
            _kept.Enqueue(copy(), priority);
            return;
        }

        if (_kept.TryPeek(out _, out var largest) && priority < largest)
        {
            _kept.DequeueEnqueue(copy(), priority);
        }
    }

    /// <summary>The kept rows, by ascending priority.</summary>
    public List<object?[]> Rows() =>
        _kept.UnorderedItems.OrderBy(x => x.Priority).Select(x => x.Element).ToList();
}
