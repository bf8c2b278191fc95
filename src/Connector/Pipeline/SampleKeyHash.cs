using System.Globalization;
using System.Text;
using Sdv.Connector.Synthesis;
using Sdv.Connector.Synthesis.Evaluation;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// A seeded 64-bit hash of key cells that is the same for a child's foreign key and its parent's
/// primary key (both read as canonical values: 7 and 7.0 hash alike), so reservoirs driven by it
/// sample whole families.
/// </summary>
internal static class SampleKeyHash
{
    public static ulong Of(int seed, object?[] row, int[] positions)
    {
        var text = new StringBuilder();
        foreach (var p in positions)
        {
            var key = CellValues.Key(row[p]);
            text.Append(key switch
            {
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => key.ToString(),
            });
            text.Append('\u001f');
        }

        // FNV-1a, then a SplitMix64 finaliser so nearby keys (1, 2, 3, ...) spread over the whole range.
        var h = StableHash.Fnv1a(text.ToString(), (uint)seed);

        h = unchecked((h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL);
        h = unchecked((h ^ (h >> 27)) * 0x94D049BB133111EBUL);
        return h ^ (h >> 31);
    }
}
