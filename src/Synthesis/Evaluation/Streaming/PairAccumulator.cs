using System.Runtime.InteropServices;
using Sdv.Connector.Synthesis.Evaluation.Metrics;
using Sdv.Connector.Synthesis.Statistics;

namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>
/// One side's column pair statistics in one pass over its rows: the co-moments of every correlation pair and
/// the counts of every contingency pair, a continuous column binned on this side's own edges (SDMetrics bins real
/// and synthetic data apart). Categories become small codes, and a pair's counts live in a dense array when the
/// two columns have few values, so a row costs a few array increments per pair.
/// </summary>
internal sealed class PairAccumulator
{
    private const int MaxDenseCells = 1 << 16;

    /// <summary>
    /// Beyond <see cref="MaxDenseCells"/>, a pair of at most this many cells is still counted in an array, the cells seen
    /// listed in the order first seen (the order a dictionary kept, so the figures summed over them are the same to the
    /// bit): a 10,000-value column against a binned one was a dictionary update per row, a fifth of a join's time.
    /// </summary>
    private const int MaxOrderedCells = 1 << 20;

    /// <summary>Cells of such ordered arrays one accumulator holds at most (8 bytes each), so many wide pairs stay bounded.</summary>
    private const long OrderedCellBudget = 1 << 21;

    private readonly PairPlan _plan;
    private readonly double[]?[] _edges;
    private readonly CategoryCodes?[] _codes;
    private readonly bool[] _coded;
    private readonly int[] _cardinality;
    private readonly Comoments[] _moments;
    private readonly long[]?[] _dense;
    private readonly List<int>?[] _firstSeen;
    private readonly Dictionary<long, long>?[] _sparse;
    private readonly double[] _numbers;
    private readonly int[] _rowCodes;

    /// <param name="edges">Per column: the bin edges of a continuous column on this side (null for a discrete one).</param>
    /// <param name="distinct">Per column: how many distinct values it has on this side at most (NULL included), to size dense counts.</param>
    public PairAccumulator(PairPlan plan, double[]?[] edges, IReadOnlyList<long> distinct)
    {
        _plan = plan;
        _edges = edges;
        var n = plan.Columns.Count;
        _coded = new bool[n];
        for (var p = 0; p < plan.Pairs.Count; p++)
        {
            if (!plan.IsCorrelation(p))
            {
                _coded[plan.Pairs[p].First] = _coded[plan.Pairs[p].Second] = true;
            }
        }

        _codes = new CategoryCodes?[n];
        _cardinality = new int[n];
        for (var c = 0; c < n; c++)
        {
            if (_coded[c] && !plan.Continuous[c])
            {
                _codes[c] = new CategoryCodes();
            }

            // Bin labels run 0..11 (0: below the edges, only when a range hint was wrong).
            _cardinality[c] = plan.Continuous[c] ? Discretizer.Bins + 2 : (int)Math.Min(int.MaxValue, Math.Max(1, distinct[c]));
        }

        _moments = new Comoments[plan.Pairs.Count];
        _dense = new long[]?[plan.Pairs.Count];
        _firstSeen = new List<int>?[plan.Pairs.Count];
        _sparse = new Dictionary<long, long>?[plan.Pairs.Count];
        var budget = OrderedCellBudget;
        for (var p = 0; p < plan.Pairs.Count; p++)
        {
            if (plan.IsCorrelation(p))
            {
                continue;
            }

            var cells = (long)_cardinality[plan.Pairs[p].First] * _cardinality[plan.Pairs[p].Second];
            if (cells <= MaxDenseCells)
            {
                _dense[p] = new long[cells];
            }
            else if (cells <= MaxOrderedCells && cells <= budget)
            {
                budget -= cells;
                (_dense[p], _firstSeen[p]) = (new long[cells], []);
            }
            else
            {
                _sparse[p] = [];
            }
        }

        _numbers = new double[n];
        _rowCodes = new int[n];
    }

    /// <summary>A continuous value fell outside the edges it was binned on: the range given was not the data's.</summary>
    public bool RangeViolated { get; private set; }

    /// <summary>Adds a row (cells in the plan's column order) that stands for <paramref name="weight"/> rows.</summary>
    public void Add(object?[] cells, long weight)
    {
        for (var c = 0; c < cells.Length && c < _numbers.Length; c++)
        {
            if (_plan.Continuous[c])
            {
                _numbers[c] = Number(cells[c]);
                if (_coded[c])
                {
                    var label = Discretizer.Digitize(_numbers[c], _edges[c]!);
                    var edges = _edges[c]!;
                    if (!double.IsNaN(_numbers[c]) && (_numbers[c] < edges[0] || _numbers[c] > edges[^1]))
                    {
                        RangeViolated = true;
                    }

                    _rowCodes[c] = label;
                }
            }
            else if (_coded[c])
            {
                _rowCodes[c] = Code(c, cells[c]);
            }
        }

        for (var p = 0; p < _plan.Pairs.Count; p++)
        {
            var (a, b) = _plan.Pairs[p];
            if (_plan.IsCorrelation(p))
            {
                _moments[p].Add(_numbers[a], _numbers[b], weight);
                continue;
            }

            var (ca, cb) = (_rowCodes[a], _rowCodes[b]);
            if (_dense[p] is { } dense)
            {
                if (ca < _cardinality[a] && cb < _cardinality[b])
                {
                    ref var cell = ref dense[(ca * _cardinality[b]) + cb];
                    if (cell == 0 && _firstSeen[p] is { } seen)
                    {
                        seen.Add((ca * _cardinality[b]) + cb);
                    }

                    cell += weight;
                    continue;
                }

                // More values than the column pass counted (the data changed in between): counts go sparse.
                ToSparse(p);
            }

            CollectionsMarshal.GetValueRefOrAddDefault(_sparse[p]!, ((long)ca << 32) | (uint)cb, out _) += weight;
        }
    }

    public Comoments Moments(int pair) => _moments[pair];

    /// <summary>The counts of a contingency pair by (value or bin label, value or bin label).</summary>
    public Dictionary<(object A, object B), long> Counts(int pair)
    {
        var (a, b) = _plan.Pairs[pair];
        var counts = new Dictionary<(object A, object B), long>();
        if (_dense[pair] is { } dense)
        {
            foreach (var i in DenseCells(pair))
            {
                if (dense[i] > 0)
                {
                    counts[(Decode(a, i / _cardinality[b]), Decode(b, i % _cardinality[b]))] = dense[i];
                }
            }
        }
        else
        {
            foreach (var (key, count) in _sparse[pair]!)
            {
                counts[(Decode(a, (int)(key >> 32)), Decode(b, (int)(uint)key))] = count;
            }
        }

        return counts;
    }

    private void ToSparse(int pair)
    {
        var b = _plan.Pairs[pair].Second;
        var sparse = new Dictionary<long, long>();
        var dense = _dense[pair]!;
        foreach (var i in DenseCells(pair))
        {
            if (dense[i] > 0)
            {
                sparse[((long)(i / _cardinality[b]) << 32) | (uint)(i % _cardinality[b])] = dense[i];
            }
        }

        (_sparse[pair], _dense[pair], _firstSeen[pair]) = (sparse, null, null);
    }

    private int Code(int column, object? cell) => _codes[column]!.Code(cell);

    private object Decode(int column, int code) => _plan.Continuous[column] ? code : _codes[column]!.Key(code);

    private static double Number(object? cell)
    {
        try
        {
            return CellValues.ToNumber(cell);
        }
        catch (FormatException)
        {
            // The column pass reported the column; its pairs are marked as errors there.
            return double.NaN;
        }
    }

    /// <summary>The cells of a pair counted in an array: in the order first seen where it lists them, else in index order.</summary>
    private IEnumerable<int> DenseCells(int pair) => _firstSeen[pair] ?? Enumerable.Range(0, _dense[pair]!.Length);
}
