namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// An append-only list of numbers kept in fixed 64 KiB chunks. The sampler keeps a few numbers per
/// parent row for millions of rows; a List would double its array as it grows, each copy a new
/// large-object allocation that lingers after the switch, so the peak was a multiple of the data.
/// Here memory is the data plus one partly filled chunk, and no chunk is ever copied or freed early.
/// </summary>
internal sealed class ChunkedList<T> where T : unmanaged
{
    // 8,192 eight-byte values: 64 KiB, under the large-object threshold (85,000 bytes).
    private const int ChunkShift = 13;
    private const int ChunkSize = 1 << ChunkShift;
    private const int ChunkMask = ChunkSize - 1;
    private readonly List<T[]> _chunks = [];

    public long Count { get; private set; }

    public void Add(T value)
    {
        var offset = (int)(Count & ChunkMask);
        if (offset == 0) _chunks.Add(new T[ChunkSize]);
        _chunks[^1][offset] = value;
        Count++;
    }

    public void AddRange(ReadOnlySpan<T> values)
    {
        foreach (var value in values) Add(value);
    }

    public T this[long index]
    {
        get
        {
            if ((ulong)index >= (ulong)Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"The list holds {Count} values.");
            return _chunks[(int)(index >> ChunkShift)][index & ChunkMask];
        }
    }
}
