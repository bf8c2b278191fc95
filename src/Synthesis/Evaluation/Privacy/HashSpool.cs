namespace Sdv.Connector.Synthesis.Evaluation.Privacy;

/// <summary>
/// The tuple hashes of one side's rows (8 bytes a row; the real side adds 4 for the chance that a row drawn from
/// the real marginals has the tuple): in memory, or, when a table is too big to keep all its tuples' hashes at
/// once, in an unlinked temporary file under TMPDIR, read back when that tuple's turn comes. A row that stands for
/// several rows keeps its weight apart.
/// </summary>
internal sealed class HashSpool : IDisposable
{
    private readonly bool _withChance;
    private ulong[] _hashes;
    private float[] _chances;
    private readonly Dictionary<long, long> _weights = [];
    private readonly FileStream? _file;
    private readonly BinaryWriter? _writer;

    /// <param name="withChance">Keep a chance per row (the real side).</param>
    /// <param name="spill">Write to a temporary file instead of memory.</param>
    /// <param name="capacity">The rows expected (the table's count), so memory is taken once.</param>
    public HashSpool(bool withChance, bool spill, long capacity)
    {
        _withChance = withChance;
        var size = spill ? 0 : (int)Math.Clamp(capacity, 0, Array.MaxLength);
        _hashes = new ulong[size];
        _chances = withChance ? new float[size] : [];
        if (spill)
        {
            _file = new FileStream(Path.Combine(Path.GetTempPath(), "sdv-eval-" + Guid.NewGuid().ToString("N") + ".hashes"),
                FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            _writer = new BinaryWriter(_file);
        }
    }

    public long Count { get; private set; }

    /// <summary>Adds a row's tuple hash; <paramref name="heldOut"/> marks a real row held out of the fit (kept in the chance's sign).</summary>
    public void Add(ulong hash, double chance, long weight, bool heldOut = false)
    {
        var stored = heldOut ? -(float)chance - 0f : (float)chance;
        if (heldOut && stored == 0)
        {
            stored = -0f;
        }

        if (weight != 1)
        {
            _weights[Count] = weight;
        }

        Count++;
        if (_writer is null)
        {
            var i = (int)(Count - 1);
            if (i >= _hashes.Length)
            {
                var grown = (int)Math.Min(Array.MaxLength, Math.Max(1024, _hashes.Length * 2L));
                Array.Resize(ref _hashes, grown);
                if (_withChance)
                {
                    Array.Resize(ref _chances, grown);
                }
            }

            _hashes[i] = hash;
            if (_withChance)
            {
                _chances[i] = stored;
            }

            return;
        }

        _writer.Write(hash);
        if (_withChance)
        {
            _writer.Write(stored);
        }
    }

    /// <summary>The weight of the entry at <paramref name="index"/> (in the order added).</summary>
    public long Weight(long index) => _weights.TryGetValue(index, out var w) ? w : 1;

    public bool Weighted => _weights.Count > 0;

    /// <summary>Every hash and chance (empty without chances; negative, or −0, for a held-out row), in the order added.</summary>
    public (ulong[] Hashes, float[] Chances) Read()
    {
        if (_writer is null)
        {
            if (_hashes.Length != Count)
            {
                Array.Resize(ref _hashes, (int)Count);
                if (_withChance)
                {
                    Array.Resize(ref _chances, (int)Count);
                }
            }

            return (_hashes, _chances);
        }

        _writer.Flush();
        _file!.Position = 0;
        using var reader = new BinaryReader(_file, System.Text.Encoding.UTF8, leaveOpen: true);
        var hashes = new ulong[Count];
        var chances = _withChance ? new float[Count] : [];
        for (var i = 0; i < Count; i++)
        {
            hashes[i] = reader.ReadUInt64();
            if (_withChance)
            {
                chances[i] = reader.ReadSingle();
            }
        }

        _file.Position = _file.Length;
        return (hashes, chances);
    }

    /// <summary>Lets go of what memory holds (the file stays until disposed).</summary>
    public void Release()
    {
        (_hashes, _chances) = ([], []);
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _file?.Dispose();
    }
}
