namespace Sdv.Connector.Synthesis.Structured;

/// <summary>
/// Exact counts of at most <c>capacity</c> distinct strings (the first ones seen); the others are
/// only counted together. A tracked string's count is exact, so "seen at least k times" is true of it.
/// </summary>
internal sealed class BoundedCounts(int capacity)
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

    public long Untracked { get; private set; }

    public long Total { get; private set; }

    public void Add(string value, long weight = 1)
    {
        Total += weight;
        if (_counts.TryGetValue(value, out var count)) _counts[value] = count + weight;
        else if (_counts.Count < capacity) _counts[value] = weight;
        else Untracked += weight;
    }

    public long CountOf(string value) => _counts.GetValueOrDefault(value);

    /// <summary>The strings seen at least <paramref name="k"/> times, most frequent first (ties by value), with their counts.</summary>
    public List<(string Value, long Count)> AtLeast(int k) =>
        _counts.Where(p => p.Value >= k).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).ToList();

    /// <summary>The tracked strings in the order they were first seen (a dictionary without removals keeps it).</summary>
    public IEnumerable<string> InOrderSeen => _counts.Keys;
}
