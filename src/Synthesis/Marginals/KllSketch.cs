using System.Runtime.InteropServices;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Marginals;

/// <summary>
/// KLL quantile sketch (Karnin, Lang, Liberty 2016). Chosen over a t-digest because it is simple,
/// has a proven rank-error bound independent of the data's shape (about 1.7/k), uses bounded
/// memory (about 3k items), and merges by concatenating levels, so sketches of partitions of a
/// table combine into the sketch of the whole. Compaction coin flips come from our seeded PRNG,
/// so a fit is reproducible. Items at level h weigh 2^h.
/// </summary>
internal sealed class KllSketch
{
    private const double Shrink = 2.0 / 3.0;
    private readonly int _k;
    private readonly Xoshiro256 _random;
    private readonly List<List<double>> _levels = [];
    private int _size;
    private int _capacity;

    public KllSketch(int k, Xoshiro256 random)
    {
        _k = k;
        _random = random;
        AddLevel();
    }

    /// <summary>Total weight of the items inserted.</summary>
    public long Count { get; private set; }

    public void Add(double x)
    {
        _levels[0].Add(x);
        Count++;
        if (++_size >= _capacity)
        {
            Compress();
        }
    }

    /// <summary>Adds <paramref name="x"/> with an integer weight: one item at each level whose bit is set.</summary>
    public void Add(double x, long weight)
    {
        for (var h = 0; weight != 0; h++, weight >>= 1)
        {
            if ((weight & 1) == 0)
            {
                continue;
            }

            while (_levels.Count <= h)
            {
                AddLevel();
            }

            _levels[h].Add(x);
            _size++;
            Count += 1L << h;
        }

        if (_size >= _capacity)
        {
            Compress();
        }
    }

    /// <summary>Merges another sketch into this one.</summary>
    public void Merge(KllSketch other)
    {
        while (_levels.Count < other._levels.Count)
        {
            AddLevel();
        }

        for (var h = 0; h < other._levels.Count; h++)
        {
            _levels[h].AddRange(other._levels[h]);
            _size += other._levels[h].Count;
        }

        Count += other.Count;
        Compress();
    }

    /// <summary>The retained items with their weights, ascending by value (equal values not merged).</summary>
    public List<(double Value, long Weight)> WeightedItems()
    {
        var items = new List<(double Value, long Weight)>(_size);
        for (var h = 0; h < _levels.Count; h++)
        {
            foreach (var x in _levels[h])
            {
                items.Add((x, 1L << h));
            }
        }

        items.Sort(static (a, b) => a.Value.CompareTo(b.Value));
        return items;
    }

    /// <summary>The quantiles at probabilities i/(points-1), i = 0..points-1.</summary>
    public double[] Quantiles(int points)
    {
        var items = new List<(double Value, long Weight)>(_size);
        for (var h = 0; h < _levels.Count; h++)
        {
            foreach (var x in _levels[h])
            {
                items.Add((x, 1L << h));
            }
        }

        items.Sort(static (a, b) => a.Value.CompareTo(b.Value));
        var result = new double[points];
        if (items.Count == 0)
        {
            return result;
        }

        double total = 0;
        foreach (var item in items)
        {
            total += item.Weight;
        }

        var index = 0;
        double cumulative = items[0].Weight;
        for (var i = 0; i < points; i++)
        {
            // The smallest item whose cumulative weight reaches the target rank.
            var target = i / (double)(points - 1) * total;
            while (cumulative < target && index < items.Count - 1)
            {
                index++;
                cumulative += items[index].Weight;
            }

            result[i] = items[index].Value;
        }

        return result;
    }

    private void AddLevel()
    {
        _levels.Add([]);
        _capacity = 0;
        for (var h = 0; h < _levels.Count; h++)
        {
            _capacity += LevelCapacity(h);
        }
    }

    private int LevelCapacity(int h) => Math.Max(2, (int)Math.Ceiling(_k * Math.Pow(Shrink, _levels.Count - 1 - h)));

    private void Compress()
    {
        while (_size >= _capacity)
        {
            for (var h = 0; h < _levels.Count; h++)
            {
                if (_levels[h].Count >= LevelCapacity(h))
                {
                    if (h + 1 == _levels.Count)
                    {
                        AddLevel();
                    }

                    Compact(h);
                    break;
                }
            }
        }
    }

    private void Compact(int h)
    {
        var level = _levels[h];
        var span = CollectionsMarshal.AsSpan(level);
        span.Sort();
        var even = span.Length & ~1;
        var next = _levels[h + 1];
        var offset = _random.NextBool() ? 1 : 0;
        for (var i = offset; i < even; i += 2)
        {
            next.Add(span[i]);
        }

        // An odd item out stays at this level with its weight.
        var leftover = span.Length > even ? span[^1] : double.NaN;
        level.Clear();
        if (!double.IsNaN(leftover))
        {
            level.Add(leftover);
        }

        _size -= even / 2;
    }
}
