namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// Picks an index with probability proportional to its weight, over a set that may grow (a Fenwick
/// tree of cumulative weights): O(log n) to add and to pick. Used for the popularity of parents
/// (secondary keys) and the fan-out of tree nodes (self-references).
/// </summary>
internal sealed class WeightedPicker
{
    private double[] _tree = new double[16];

    public int Count { get; private set; }

    public double Total { get; private set; }

    public void Add(double weight)
    {
        if (Count + 1 >= _tree.Length) Grow();
        Count++;
        Total += weight;
        for (var i = Count; i < _tree.Length; i += i & -i) _tree[i] += weight;
    }

    /// <summary>The weight of <paramref name="index"/>.</summary>
    public double WeightOf(int index) => PrefixSum(index + 1) - PrefixSum(index);

    /// <summary>Changes the weight of <paramref name="index"/> by <paramref name="delta"/> (never below zero).</summary>
    public void Adjust(int index, double delta)
    {
        if (index < 0 || index >= Count) throw new ArgumentOutOfRangeException(nameof(index));
        Total += delta;
        for (var i = index + 1; i < _tree.Length; i += i & -i) _tree[i] += delta;
    }

    /// <summary>The index whose cumulative range holds <paramref name="u"/> × total; -1 when every weight is zero.</summary>
    public int Pick(double u)
    {
        if (Total <= 0) return -1;
        var target = u * Total;
        var position = 0;
        for (var step = HighestPowerOfTwo(_tree.Length - 1); step > 0; step >>= 1)
        {
            var next = position + step;
            if (next < _tree.Length && next <= Count && _tree[next] <= target)
            {
                position = next;
                target -= _tree[next];
            }
        }
        return Math.Min(position, Count - 1);
    }

    private void Grow()
    {
        var weights = new double[Count];
        for (var i = 1; i <= Count; i++) weights[i - 1] = PrefixSum(i) - PrefixSum(i - 1);
        _tree = new double[_tree.Length * 2];
        var count = Count;
        Count = 0;
        Total = 0;
        for (var i = 0; i < count; i++) Add(weights[i]);
    }

    private double PrefixSum(int i)
    {
        double sum = 0;
        for (; i > 0; i -= i & -i) sum += _tree[i];
        return sum;
    }

    private static int HighestPowerOfTwo(int n)
    {
        var p = 1;
        while (p * 2 <= n) p *= 2;
        return p;
    }
}
