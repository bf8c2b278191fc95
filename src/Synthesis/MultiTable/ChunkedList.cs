using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// An append-only list of numbers kept in fixed 64 KiB chunks. The sampler keeps a few numbers per
/// parent row for millions of rows; a List would double its array as it grows, each copy a new
/// large-object allocation that lingers after the switch, so the peak was a multiple of the data.
/// Here memory is the data plus one partly filled chunk, and no chunk is ever copied or freed early.
/// <para>
/// Given a memory budget, the chunks beyond it go to a temporary file as they fill, so the process
/// holds the budget whatever the number of rows; the file is unlinked at once (nothing is left
/// behind, even by a killed process) and read back by position, one cached chunk per reading
/// thread. Appends come from one thread and reads only after the last append (a parent table is
/// complete before its children read it), so the two never overlap.
/// </para>
/// </summary>
internal sealed class ChunkedList<T> : IDisposable
    where T : unmanaged
{
    // 8,192 eight-byte values: 64 KiB, under the large-object threshold (85,000 bytes).
    private const int ChunkShift = 13;
    private const int ChunkSize = 1 << ChunkShift;
    private const int ChunkMask = ChunkSize - 1;
    private readonly List<T[]?> _chunks = [];
    private readonly int _memoryChunks;
    private SafeFileHandle? _spill;
    private ThreadLocal<(int Index, T[] Values)>? _readCache;

    /// <param name="memoryBudgetBytes">Bytes kept in memory before chunks go to a temporary file; null keeps everything in memory.</param>
    public ChunkedList(long? memoryBudgetBytes = null)
    {
        var chunkBytes = (long)ChunkSize * Marshal.SizeOf<T>();
        _memoryChunks = memoryBudgetBytes is { } budget ? (int)Math.Max(1, budget / chunkBytes) : int.MaxValue;
    }

    public long Count { get; private set; }

    /// <summary>Chunks written to the temporary file so far.</summary>
    public int SpilledChunks { get; private set; }

    public void Add(T value)
    {
        var offset = (int)(Count & ChunkMask);
        if (offset == 0)
        {
            if (_chunks.Count >= _memoryChunks) Spill(_chunks.Count - 1);
            _chunks.Add(new T[ChunkSize]);
        }
        _chunks[^1]![offset] = value;
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
            var chunk = (int)(index >> ChunkShift);
            return (_chunks[chunk] ?? Spilled(chunk))[index & ChunkMask];
        }
    }

    public void Dispose()
    {
        _spill?.Dispose();
        _readCache?.Dispose();
    }

    /// <summary>Writes the full chunk <paramref name="chunk"/> to the file and lets go of it.</summary>
    private void Spill(int chunk)
    {
        var values = _chunks[chunk];
        if (values is null) return;
        _spill ??= OpenSpillFile();
        _readCache ??= new ThreadLocal<(int, T[])>(static () => (-1, new T[ChunkSize]));
        RandomAccess.Write(_spill, MemoryMarshal.AsBytes(values.AsSpan()), ChunkOffset(chunk));
        _chunks[chunk] = null;
        SpilledChunks++;
    }

    private T[] Spilled(int chunk)
    {
        var cached = _readCache!.Value;
        if (cached.Index != chunk)
        {
            var bytes = MemoryMarshal.AsBytes(cached.Values.AsSpan());
            var read = 0;
            while (read < bytes.Length)
            {
                var n = RandomAccess.Read(_spill!, bytes[read..], ChunkOffset(chunk) + read);
                if (n == 0) throw new IOException($"The sampler's temporary file ended early at chunk {chunk}.");
                read += n;
            }
            cached = (chunk, cached.Values);
            _readCache.Value = cached;
        }
        return cached.Values;
    }

    private static long ChunkOffset(int chunk) => (long)chunk * ChunkSize * Marshal.SizeOf<T>();

    private static SafeFileHandle OpenSpillFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sdv-sampler-{Guid.NewGuid():N}.tmp");
        var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Delete, FileOptions.DeleteOnClose);
        try
        {
            File.Delete(path); // unlinked now: the open handle keeps the data until it closes
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Where an open file cannot be unlinked, DeleteOnClose removes it when the handle closes.
        }
        return handle;
    }
}
