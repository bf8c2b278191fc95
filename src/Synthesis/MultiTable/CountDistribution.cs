using System.Text.Json.Serialization;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// How many children the parents of one relationship have: an exact histogram of counts
/// (count → parents with that count). Mergeable (sum the histograms of key ranges or shards).
/// Used to give secondary and tree relationships the source's popularity and fan-out, and to
/// report cardinality. Only counts are kept, never which parent had them.
/// </summary>
public sealed class CountDistribution
{
    /// <summary>Children count → number of parents with that count, ascending by count.</summary>
    [JsonInclude]
    public SortedDictionary<long, long> Histogram { get; private set; } = [];

    /// <summary>Share of child rows whose key is NULL (they belong to no parent).</summary>
    [JsonInclude]
    public double NullShare { get; private set; }

    /// <summary>
    /// For a self-reference: the children of the roots alone (null where not counted, as in model files written before
    /// they were). Roots draw their fan-out from it, the other rows from the rest of <see cref="Histogram"/>.
    /// </summary>
    [JsonInclude]
    public CountDistribution? Roots { get; private set; }

    public long Parents => Histogram.Values.Sum();

    public long Children => Histogram.Sum(p => p.Key * p.Value);

    public double Mean => Parents == 0 ? 0 : (double)Children / Parents;

    public static CountDistribution From(IEnumerable<(long Count, long Parents)> histogram, long nullChildren = 0)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var result = new CountDistribution();
        foreach (var (count, parents) in histogram)
        {
            if (parents <= 0) continue;
            result.Histogram[count] = result.Histogram.GetValueOrDefault(count) + parents;
        }
        var children = result.Children + nullChildren;
        result.NullShare = children == 0 ? 0 : (double)nullChildren / children;
        return result;
    }

    /// <summary>This distribution with the roots' own histogram (a self-reference's); an empty one is none.</summary>
    public CountDistribution WithRoots(IEnumerable<(long Count, long Parents)>? roots)
    {
        var split = roots is null ? null : From(roots);
        Roots = split is { Parents: > 0 } ? split : null;
        _nonRoots = null;
        return this;
    }

    /// <summary>The rows that are not roots: <see cref="Histogram"/> less <see cref="Roots"/>, or the whole where roots were not counted.</summary>
    public CountDistribution NonRoots() => Roots is null ? this : _nonRoots ??= From(Histogram
        .Select(p => (p.Key, p.Value - Roots.Histogram.GetValueOrDefault(p.Key)))
        .Where(static p => p.Item2 > 0));

    private CountDistribution? _nonRoots;

    public CountDistribution Merge(CountDistribution other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var nulls = NullShare * (Children / Math.Max(1e-12, 1 - NullShare)) + other.NullShare * (other.Children / Math.Max(1e-12, 1 - other.NullShare));
        return From(Histogram.Concat(other.Histogram).Select(p => (p.Key, p.Value)), (long)Math.Round(nulls));
    }

    /// <summary>A count drawn with the histogram's frequencies, from a uniform <paramref name="u"/> in [0, 1).</summary>
    public long Draw(double u)
    {
        // Drawn once per parent row (millions of times): the walk over the sorted histogram is done
        // once, into cumulative sums computed exactly as the walk did, and searched in O(log n).
        var table = _table ??= DrawTable.Of(Histogram);
        if (table.Parents == 0) return 0;
        var target = u * table.Parents;
        var cumulative = table.Cumulative;
        int lo = 0, hi = cumulative.Length - 1;
        if (!(target < cumulative[hi])) return table.Counts[hi];
        // The first bucket whose cumulative sum exceeds the target.
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (target < cumulative[mid]) hi = mid;
            else lo = mid + 1;
        }
        return table.Counts[lo];
    }

    // Built on first draw, after the histogram is final (it is not changed once a model is loaded);
    // a race between two threads builds two equal tables.
    private DrawTable? _table;

    private sealed record DrawTable(long Parents, long[] Counts, double[] Cumulative)
    {
        public static DrawTable Of(SortedDictionary<long, long> histogram)
        {
            var counts = new long[histogram.Count];
            var cumulative = new double[histogram.Count];
            double sum = 0;
            var i = 0;
            foreach (var (count, n) in histogram)
            {
                sum += n;
                counts[i] = count;
                cumulative[i++] = sum;
            }
            return new DrawTable(histogram.Values.Sum(), counts, cumulative);
        }
    }
}
