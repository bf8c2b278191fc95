namespace Sdv.Connector.Pipeline;

/// <summary>
/// A bounded, seeded sample of a stream of rows: keeps the <c>capacity</c> rows of smallest priority
/// (a bottom-k reservoir), so memory never exceeds the capacity however long the table is. When the
/// priority is a seeded hash of a key, rows sharing the key (a parent's children) are kept or dropped
/// together, and a parent sampled on the same hash of its primary key keeps the same families.
/// </summary>
internal sealed class RowReservoir
{
    private readonly int _capacity;

    // Max-heap on (priority, tie-break): the root is the row the next better one displaces.
    private readonly PriorityQueue<object?[], (ulong Priority, ulong TieBreak)> _heap =
        new(Comparer<(ulong Priority, ulong TieBreak)>.Create(static (a, b) => b.CompareTo(a)));

    public RowReservoir(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>Rows offered so far (the table's full row count once the stream ends).</summary>
    public long Seen { get; private set; }

    public bool Sampled => Seen > _capacity;

    public void Offer(object?[] row, ulong priority, ulong tieBreak)
    {
        Seen++;
        if (_heap.Count < _capacity)
        {
            _heap.Enqueue(row, (priority, tieBreak));
            return;
        }

        _heap.TryPeek(out _, out var worst);
        if ((priority, tieBreak).CompareTo(worst) < 0) _heap.DequeueEnqueue(row, (priority, tieBreak));
    }

    /// <summary>The kept rows, in priority order so that the same seed and data give the same list.</summary>
    public List<object?[]> Rows() =>
        _heap.UnorderedItems.OrderBy(i => i.Priority.Priority).ThenBy(i => i.Priority.TieBreak).Select(i => i.Element).ToList();
}
