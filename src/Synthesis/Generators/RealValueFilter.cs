using System.Collections;
using System.Runtime.InteropServices;

namespace Sdv.Connector.Synthesis.Generators;

/// <summary>
/// The real values of a string column, remembered while it is fitted so that a generated name or title that happens
/// to equal one of them ("Fire", "Running Free": a word model of common words can compose a real one-of-a-kind title)
/// is drawn again instead of written. Held in memory only, never in the model file: a saved set of hashes of real
/// values would let whoever holds the file test whether a guessed value is in the source. So the guard works where
/// the fit and the sample run in one process (clone, run) and not for a model loaded from a file.
/// Exact 64-bit hashes up to <see cref="ExactLimit"/> values, then a Bloom filter of 1 MiB (about 1% false hits at
/// its capacity); values past <see cref="Capacity"/> are not remembered, so memory stays bounded on any table.
/// With <see cref="CommonFrom"/>, only rare values are reported while they are counted exactly: a generated city that
/// k rows of the source share may be written, one that a single customer lives in may not.
/// </summary>
internal sealed class RealValueFilter
{
    internal const int ExactLimit = 1 << 16;
    internal const int Capacity = 1 << 20;
    private const int BloomBits = 1 << 23;
    private const int Probes = 4;

    private Dictionary<ulong, long>? _exact = [];
    private BitArray? _bloom;

    /// <summary>Distinct values remembered (exactly while under <see cref="ExactLimit"/>, then counting every add).</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Times a value is added from which it is common and no longer reported (default: never); past the exact limit,
    /// where counts are not kept, every value is reported.
    /// </summary>
    public long CommonFrom { get; init; } = long.MaxValue;

    public void Add(string value)
    {
        if (Count >= Capacity) return;
        var hash = Hash(value);
        if (_exact is not null)
        {
            ref var times = ref CollectionsMarshal.GetValueRefOrAddDefault(_exact, hash, out var seen);
            times++;
            if (seen) return;
            Count++;
            if (_exact.Count <= ExactLimit) return;
            _bloom = new BitArray(BloomBits);
            foreach (var h in _exact.Keys) Set(_bloom, h);
            _exact = null;
            return;
        }

        Set(_bloom!, hash);
        Count++;
    }

    /// <summary>
    /// True when <paramref name="value"/> was added fewer than <see cref="CommonFrom"/> times (or, past the exact limit,
    /// added at all, or rarely a false hit).
    /// </summary>
    public bool MayContain(string value)
    {
        var hash = Hash(value);
        if (_exact is not null) return _exact.TryGetValue(hash, out var times) && times < CommonFrom;
        var bloom = _bloom!;
        var (h1, h2) = ((uint)hash, (uint)(hash >> 32) | 1u);
        for (var i = 0u; i < Probes; i++)
        {
            if (!bloom[(int)((h1 + i * h2) % BloomBits)]) return false;
        }

        return true;
    }

    private static void Set(BitArray bloom, ulong hash)
    {
        var (h1, h2) = ((uint)hash, (uint)(hash >> 32) | 1u);
        for (var i = 0u; i < Probes; i++) bloom[(int)((h1 + i * h2) % BloomBits)] = true;
    }

    /// <summary>FNV-1a over the UTF-16 code units, then a SplitMix64 finaliser so every bit depends on every character.</summary>
    private static ulong Hash(string value)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in value) hash = unchecked((hash ^ c) * 1099511628211UL);
        hash ^= hash >> 30;
        hash = unchecked(hash * 0xBF58476D1CE4E5B9UL);
        hash ^= hash >> 27;
        hash = unchecked(hash * 0x94D049BB133111EBUL);
        return hash ^ (hash >> 31);
    }
}
