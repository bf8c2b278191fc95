using Sdv.Connector.Synthesis.Sampling;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// One code column of <see cref="UniqueCodes"/>: the codes it may take with their weights, and per key that holds it,
/// the codes already written beside each value of the key's other columns (indexes into the codes).
/// </summary>
internal sealed class CodeColumn
{
    private readonly double[] _weights;

    // Cumulative weights: _prefix[i] is the weight of codes 0 .. i-1. The weights are whole counts, so the sums are exact.
    private readonly double[] _prefix;

    public CodeColumn((object[] Values, double[] Weights) candidates)
    {
        Values = candidates.Values;
        _weights = candidates.Weights;
        _prefix = new double[Values.Length + 1];
        for (var i = 0; i < Values.Length; i++) _prefix[i + 1] = _prefix[i] + _weights[i];
        IndexesOf = Values.Select((v, i) => (Text: CellCodec.Format(v), i))
            .GroupBy(static p => p.Text, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => g.Select(static p => p.i).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The codes, in the order of the source's category counts.</summary>
    public object[] Values { get; }

    /// <summary>The indexes of the codes written as a text (one, unless two codes write alike).</summary>
    public Dictionary<string, int[]> IndexesOf { get; }

    /// <summary>Per key (by position in <see cref="UniqueCodes"/>) that holds the column: the codes written beside the key's other cells.</summary>
    public List<(int Key, Dictionary<string, List<int>> Used)> Keys { get; } = [];

    /// <summary>
    /// A code none of <paramref name="taken"/> (indexes, repeats allowed), drawn by weight; null when every code is taken
    /// (no draw is made then). The same code, for the same draw, as a <see cref="WeightedPicker"/> over the codes left
    /// in their order: the first whose cumulative weight among them passes u × their weight, else the last.
    /// </summary>
    public object? Pick(List<int> taken, Xoshiro256 random)
    {
        taken.Sort();
        var distinct = new List<int>(taken.Count);
        foreach (var t in taken)
        {
            if (distinct.Count == 0 || distinct[^1] != t) distinct.Add(t);
        }

        if (distinct.Count >= Values.Length) return null;
        var takenBefore = new double[distinct.Count + 1];
        for (var i = 0; i < distinct.Count; i++) takenBefore[i + 1] = takenBefore[i] + _weights[distinct[i]];
        var target = random.NextDouble() * (_prefix[^1] - takenBefore[^1]);
        // The weight left among codes 0 .. j-1 grows with j; find the first j where it passes the target.
        int low = 1, high = Values.Length, found = -1;
        while (low <= high)
        {
            var j = low + ((high - low) / 2);
            if (LeftBefore(j) > target)
            {
                found = j;
                high = j - 1;
            }
            else
            {
                low = j + 1;
            }
        }

        if (found > 0) return Values[found - 1];
        var last = Values.Length - 1;
        for (var i = distinct.Count - 1; i >= 0 && distinct[i] == last; i--) last--;
        return Values[last];

        double LeftBefore(int j)
        {
            var count = distinct.BinarySearch(j);
            if (count < 0) count = ~count;
            return _prefix[j] - takenBefore[count];
        }
    }
}
