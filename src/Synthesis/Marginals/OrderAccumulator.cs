using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.Marginals;

/// <summary>
/// Learns, in the one streaming pass, how a row's numbers and dates stand to each other: which pairs are ordered in
/// every row that has both (<see cref="ColumnOrder"/>), and, for dates and timestamps, the difference of each pair, so
/// that a date that follows another closely is written as that date plus a difference (<see cref="ColumnOffset"/>).
/// Pairs are taken within one family (numbers; dates; timestamps; timestamps with time zone), at most
/// <see cref="MaxColumns"/> columns of each, so the work per row stays small.
/// </summary>
internal sealed class OrderAccumulator
{
    /// <summary>Most columns of one family compared pairwise.</summary>
    public const int MaxColumns = 10;

    /// <summary>Rows with both values below which a pair says nothing.</summary>
    public const int MinRows = 20;

    /// <summary>The most the 5-95% range of a difference may be of the dependent's own for it to follow its anchor.</summary>
    public const double MaxSpreadShare = 0.1;

    /// <summary>Share of a dependent's values whose row has no anchor beyond which it is drawn on its own.</summary>
    private const double MaxUnanchored = 0.01;

    private readonly List<Pair> _pairs = [];
    private readonly (int Index, ValueKind Kind)[] _columns;
    private double[][] _values = [];
    private readonly SynthesisOptions _options;

    /// <param name="columns">The table's continuous columns (row index and kind).</param>
    /// <param name="random">The stream the differences' sketches draw from.</param>
    public OrderAccumulator(IReadOnlyList<(int Index, ValueKind Kind)> columns, SynthesisOptions options, Xoshiro256 random)
    {
        _options = options;
        _columns = columns.GroupBy(static c => Family(c.Kind)).Where(static g => g.Key is not null).SelectMany(static g => g.Take(MaxColumns)).OrderBy(static c => c.Index).ToArray();
        for (var a = 0; a < _columns.Length; a++)
        {
            for (var b = a + 1; b < _columns.Length; b++)
            {
                if (Family(_columns[a].Kind) != Family(_columns[b].Kind)) continue;
                var dated = _columns[a].Kind is ValueKind.Date or ValueKind.DateTime or ValueKind.DateTimeOffset;
                _pairs.Add(new Pair(a, b, dated ? new NumericAccumulator(ValueKind.Double, false, options.MaxExactDistinct, options.SketchK, random.Fork()) : null));
            }
        }
    }

    /// <summary>The family a kind is compared within: numbers with numbers, each time kind with its own; null for the rest.</summary>
    private static string? Family(ValueKind kind) => kind switch
    {
        ValueKind.Integer or ValueKind.Decimal or ValueKind.Double => "number",
        ValueKind.Date or ValueKind.DateTime or ValueKind.DateTimeOffset => kind.ToString(),
        _ => null,
    };

    public void Observe(object?[][] batch, int count)
    {
        if (_pairs.Count == 0 || count == 0) return;
        if (_values.Length != _columns.Length || _values[0].Length < count)
        {
            _values = _columns.Select(_ => new double[Math.Max(count, 1)]).ToArray();
        }

        // Each column's cells as numbers once per batch (NaN for NULL), however many pairs it is in.
        for (var c = 0; c < _columns.Length; c++)
        {
            var (index, kind) = _columns[c];
            var values = _values[c];
            for (var r = 0; r < count; r++)
            {
                values[r] = batch[r][index] is { } v and not DBNull ? ScalarConverter.ToDouble(v, kind) : double.NaN;
            }
        }

        foreach (var pair in _pairs) pair.Observe(_values[pair.A], _values[pair.B], count);
    }

    /// <summary>The orders and the close follows the rows showed, by column name; <paramref name="columns"/> are the finished column models in row order.</summary>
    public (List<ColumnOrder> Orders, List<ColumnOffset> Offsets) Finish(IReadOnlyList<ColumnModel> columns)
    {
        var orders = new List<ColumnOrder>();
        foreach (var pair in _pairs.Where(static p => p.Both >= MinRows && p.Overlap))
        {
            var (a, b) = (columns[_columns[pair.A].Index].Name, columns[_columns[pair.B].Index].Name);
            if (pair.Greater == 0 && pair.Less > 0) orders.Add(new ColumnOrder { Lower = a, Upper = b, Strict = pair.Equal == 0 });
            else if (pair.Less == 0 && pair.Greater > 0) orders.Add(new ColumnOrder { Lower = b, Upper = a, Strict = pair.Equal == 0 });
        }

        return (orders, Offsets(columns));
    }

    /// <summary>For each date column, the earlier column of its kind it follows most closely, where it follows one closely.</summary>
    private List<ColumnOffset> Offsets(IReadOnlyList<ColumnModel> columns)
    {
        var k = Math.Max(_options.RareCategoryThreshold, 2);
        var offsets = new List<ColumnOffset>();
        foreach (var byDependent in _pairs.Where(p => p.Differences is not null && p.Both >= Math.Max(MinRows, 2 * k)).GroupBy(static p => p.B))
        {
            if (columns[_columns[byDependent.Key].Index] is not ContinuousColumnModel { IsUnique: false } dependent) continue;
            var ownSpread = dependent.Marginal.InverseCdf(0.95) - dependent.Marginal.InverseCdf(0.05);
            if (!(ownSpread > 0)) continue;
            ColumnOffset? best = null;
            var bestSpread = double.MaxValue;
            foreach (var pair in byDependent)
            {
                if (pair.Unanchored > MaxUnanchored * (pair.Both + pair.Unanchored)) continue;
                if (pair.Differences!.ToMarginal(_options.QuantileGridSize, _options.RareCategoryThreshold) is not { } differences) continue;
                var spread = differences.InverseCdf(0.95) - differences.InverseCdf(0.05);
                if (spread > MaxSpreadShare * ownSpread || spread >= bestSpread) continue;
                bestSpread = spread;
                best = new ColumnOffset { Anchor = columns[_columns[pair.A].Index].Name, Dependent = dependent.Name, Differences = differences };
            }

            if (best is not null) offsets.Add(best);
        }

        return offsets;
    }

    /// <summary>Two columns (positions in the compared columns, A before B in the row) and what their rows showed.</summary>
    private sealed class Pair(int a, int b, NumericAccumulator? differences)
    {
        public int A { get; } = a;

        public int B { get; } = b;

        /// <summary>B less A over the rows with both (dates only).</summary>
        public NumericAccumulator? Differences { get; } = differences;

        public long Both { get; private set; }

        public long Less { get; private set; }

        public long Equal { get; private set; }

        public long Greater { get; private set; }

        /// <summary>Rows where B has a value and A has none.</summary>
        public long Unanchored { get; private set; }

        private double _minA = double.PositiveInfinity, _maxA = double.NegativeInfinity, _minB = double.PositiveInfinity, _maxB = double.NegativeInfinity;

        /// <summary>Whether the two columns' ranges overlap: where they do not, the order holds whatever is drawn, and says nothing.</summary>
        public bool Overlap => Math.Max(_minA, _minB) < Math.Min(_maxA, _maxB);

        public void Observe(double[] a, double[] b, int count)
        {
            for (var r = 0; r < count; r++)
            {
                var (x, y) = (a[r], b[r]);
                if (double.IsNaN(y)) continue;
                if (double.IsNaN(x))
                {
                    Unanchored++;
                    continue;
                }

                Both++;
                if (x < y) Less++;
                else if (x > y) Greater++;
                else Equal++;
                (_minA, _maxA, _minB, _maxB) = (Math.Min(_minA, x), Math.Max(_maxA, x), Math.Min(_minB, y), Math.Max(_maxB, y));
                Differences?.Add(y - x);
            }
        }
    }
}
