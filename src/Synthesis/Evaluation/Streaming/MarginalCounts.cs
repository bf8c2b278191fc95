using Sdv.Connector.Synthesis.Evaluation.Sources;

namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>
/// A real column's count per value, keyed by <see cref="CellHash"/> (16 bytes a distinct value), for the chance
/// baseline of exact matches: p(value) = count / rows. Beyond <see cref="MaxValues"/> distinct values the rest are
/// not kept, and a value not found is taken to be as common as the average value (<see cref="IsApproximate"/>).
/// </summary>
internal sealed class MarginalCounts
{
    public const int MaxValues = 1 << 21;

    private readonly List<(ulong Hash, long Count)> _entries = [];
    private ulong[] _hashes = [];
    private long[] _counts = [];
    private long _rows;
    private long _distinct;
    private long _values;

    public bool IsApproximate { get; private set; }

    public void Add(object? value, long count)
    {
        _distinct++;
        _values += count;
        if (_entries.Count < MaxValues)
        {
            _entries.Add((CellHash.Of(value), count));
        }
        else
        {
            IsApproximate = true;
        }
    }

    /// <summary>Sorts what was added; <paramref name="rows"/> is the table's row count, NULLs included.</summary>
    public void Complete(long rows)
    {
        _rows = rows;
        _entries.Sort((a, b) => a.Hash.CompareTo(b.Hash));
        _hashes = _entries.Select(e => e.Hash).ToArray();
        _counts = _entries.Select(e => e.Count).ToArray();
        _entries.Clear();
    }

    /// <summary>The share of real rows that hold the cell whose hash is given.</summary>
    public double Probability(ulong cellHash)
    {
        if (_rows <= 0)
        {
            return 0;
        }

        var i = Array.BinarySearch(_hashes, cellHash);
        if (i >= 0)
        {
            return (double)_counts[i] / _rows;
        }

        return IsApproximate && _distinct > 0 ? (double)_values / _distinct / _rows : 0;
    }
}
