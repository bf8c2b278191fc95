using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace Sdv.Connector.Synthesis.Evaluation.Sources;

/// <summary>
/// Stable 64-bit hashes (XXH3) of canonical cells and of tuples of them, the same in every run and
/// process: equal cells as SDMetrics compares them (1 and 1.0, a date and the same date read as text by
/// another engine) hash alike. Exact matches and held-out rows are decided on these hashes; two different
/// tuples share one with a probability of about 2^-64 per pair.
/// </summary>
internal static class CellHash
{
    private const ulong NullHash = 0x9E3779B97F4A7C15UL;

    /// <summary>The hash of one cell, through its <see cref="CellValues.Key"/>.</summary>
    public static ulong Of(object? cell)
    {
        var key = CellValues.Key(cell);
        return key switch
        {
            NullKey => NullHash,
            double d => Mix(1, (ulong)BitConverter.DoubleToInt64Bits(d == 0 ? 0.0 : d)),
            long l => Mix(2, (ulong)l),
            bool b => Mix(3, b ? 1UL : 0UL),
            string s => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(s.AsSpan()), 4),
            TimeOnly t => Mix(5, (ulong)t.Ticks),
            TimeSpan t => Mix(6, (ulong)t.Ticks),
            Guid g => Mix(7, XxHash3.HashToUInt64(g.ToByteArray())),
            BytesKey b => XxHash3.HashToUInt64(Encoding.ASCII.GetBytes(b.Hex), 8),
            _ => XxHash3.HashToUInt64(MemoryMarshal.AsBytes((key.ToString() ?? string.Empty).AsSpan()), 9),
        };
    }

    /// <summary>The hash of a tuple of cell hashes, in order, under a seed.</summary>
    public static ulong Combine(ReadOnlySpan<ulong> cellHashes, long seed = 0) =>
        XxHash3.HashToUInt64(MemoryMarshal.AsBytes(cellHashes), seed);

    /// <summary>The hash of a text (a table name, a purpose), for deriving seeds.</summary>
    public static ulong Of(string text, long seed) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text.AsSpan()), seed);

    /// <summary>A uniform number in [0, 1) from a hash.</summary>
    public static double Unit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));

    private static ulong Mix(ulong tag, ulong value)
    {
        // SplitMix64's finaliser over the value and its kind.
        var h = unchecked(value + (tag * 0x9E3779B97F4A7C15UL));
        h = unchecked((h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL);
        h = unchecked((h ^ (h >> 27)) * 0x94D049BB133111EBUL);
        return h ^ (h >> 31);
    }
}
