using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.Marginals;

/// <summary>
/// Learns, for each numeric column, its distribution within each value of a category column
/// (a lab result within its test type, a price within its product class). A Gaussian copula links
/// a category and a number only through one correlation; where the number's shape changes with
/// the category, the model decodes it through the category's own marginal instead. One streaming
/// pass; at most 24 categories per candidate and 40 candidate pairs, each a bounded accumulator.
/// The category chosen for a column is the one that explains most of its variance (correlation
/// ratio η²), kept when η² is at least 0.25.
/// </summary>
internal sealed class StratumAccumulator
{
    public const string NullKey = "\u0000";
    private const int MaxCategories = 24;
    private const int MaxPairs = 40;
    private const double MinExplained = 0.25;
    private const int StratumGrid = 201;
    private readonly List<Pair> _pairs = [];
    private int[] _groupOf = [];
    private object?[][] _byGroup = [];
    private readonly FormattedColumns _text = new();
    private readonly SynthesisOptions _options;
    private readonly Xoshiro256 _random;

    public StratumAccumulator(IReadOnlyList<(int Index, ValueKind Kind)> numbers, IReadOnlyList<int> categories, SynthesisOptions options, Xoshiro256 random)
    {
        _options = options;
        _random = random;
        foreach (var (b, kind) in numbers)
        {
            foreach (var a in categories)
            {
                if (_pairs.Count < MaxPairs) _pairs.Add(new Pair(a, b, kind));
            }
        }
    }

    public void Observe(object?[][] batch, int count)
    {
        // Each category column's cells formatted once per batch, however many numbers it is paired with.
        foreach (var pair in _pairs)
        {
            if (!pair.Dead) _text.Want(pair.A);
        }
        if (!_text.Fill(batch, count)) return;
        if (_groupOf.Length < count)
        {
            _groupOf = new int[count];
            _byGroup = new object?[count][];
        }
        foreach (var pair in _pairs)
        {
            if (pair.Dead) continue;
            var keys = _text[pair.A];
            for (var r = 0; r < count; r++)
            {
                _groupOf[r] = -1;
                var row = batch[r];
                if (row[pair.B] is not { } value) continue;
                var x = ScalarConverter.ToDouble(value, pair.Kind);
                if (!double.IsFinite(x)) continue;
                var key = keys[r] ?? NullKey;
                if (!pair.Groups.TryGetValue(key, out var group))
                {
                    if (pair.Groups.Count >= MaxCategories)
                    {
                        pair.Dead = true;
                        pair.Groups.Clear();
                        pair.Order.Clear();
                        break;
                    }
                    group = new Group(new NumericAccumulator(pair.Kind, false, _options.MaxExactDistinct, _options.SketchK, _random.Fork())) { Index = pair.Order.Count };
                    pair.Groups[key] = group;
                    pair.Order.Add(group);
                }
                group.N++;
                group.Sum += x;
                group.SumSquares += x * x;
                group.Pending++;
                _groupOf[r] = group.Index;
            }
            if (pair.Dead) continue;

            // Each group's rows of the batch side by side, in row order, then one call per group: each
            // group's accumulator sees the same values in the same order as row by row, without a call per row.
            var offset = 0;
            foreach (var group in pair.Order)
            {
                group.Start = group.Next = offset;
                offset += group.Pending;
            }
            for (var r = 0; r < count; r++)
            {
                if (_groupOf[r] >= 0) _byGroup[pair.Order[_groupOf[r]].Next++] = batch[r];
            }
            foreach (var group in pair.Order)
            {
                if (group.Pending > 0) group.Values.Observe(_byGroup, group.Start, group.Pending, pair.B);
                group.Pending = 0;
            }
        }
        Array.Clear(_byGroup, 0, count);
    }

    /// <summary>Sets <see cref="ContinuousColumnModel.Strata"/> on the numeric columns a category explains well enough.</summary>
    /// <param name="determinants">Columns that determine another column (<see cref="DependencyModel"/>): they keep their own draw, so their dependents stay consistent.</param>
    public void Finish(IReadOnlyList<ColumnModel> columns, int rareThreshold, ISet<string> determinants)
    {
        var minimum = Math.Max(rareThreshold, 30);
        foreach (var byColumn in _pairs.Where(p => !p.Dead).GroupBy(p => p.B))
        {
            if (columns[byColumn.Key] is not ContinuousColumnModel { IsUnique: false } model || determinants.Contains(model.Name)) continue;
            var best = byColumn.Select(p => (Pair: p, Explained: Explained(p))).OrderByDescending(p => p.Explained).First();
            if (best.Explained < MinExplained) continue;
            var strata = new Dictionary<string, ContinuousMarginal>(StringComparer.Ordinal);
            foreach (var (key, group) in best.Pair.Groups)
            {
                if (group.N >= minimum && group.Values.ToMarginal(StratumGrid, rareThreshold) is { } marginal) strata[key] = marginal;
            }
            if (strata.Count < 2) continue;
            model.StratumColumn = columns[best.Pair.A].Name;
            model.Strata = strata;
        }
    }

    /// <summary>Correlation ratio: the share of the column's variance between the category's groups.</summary>
    private static double Explained(Pair pair)
    {
        var n = pair.Groups.Values.Sum(g => g.N);
        if (n < 2 || pair.Groups.Count(g => g.Value.N >= 30) < 2) return 0;
        var mean = pair.Groups.Values.Sum(g => g.Sum) / n;
        var total = pair.Groups.Values.Sum(g => g.SumSquares) - n * mean * mean;
        if (!(total > 0)) return 0;
        var between = pair.Groups.Values.Sum(g => g.N * Math.Pow(g.Sum / g.N - mean, 2));
        return between / total;
    }

    private sealed class Pair(int a, int b, ValueKind kind)
    {
        public int A { get; } = a;

        public int B { get; } = b;

        public ValueKind Kind { get; } = kind;

        public bool Dead { get; set; }

        public Dictionary<string, Group> Groups { get; } = new(StringComparer.Ordinal);

        /// <summary>The groups in the order they were first seen (their <see cref="Group.Index"/>).</summary>
        public List<Group> Order { get; } = [];
    }

    private sealed class Group(NumericAccumulator values)
    {
        public NumericAccumulator Values { get; } = values;

        public long N { get; set; }

        public double Sum { get; set; }

        public double SumSquares { get; set; }

        public int Index { get; init; }

        /// <summary>Rows of the current batch for this group, and where they start and go next in the batch's by-group order.</summary>
        public int Pending { get; set; }

        public int Start { get; set; }

        public int Next { get; set; }
    }
}
