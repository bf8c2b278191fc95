using System.Runtime.InteropServices;
using Sdv.Connector.Synthesis.Sampling;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.Marginals;

/// <summary>
/// Exact count, nulls, min, max, decimal places and time precision of a column on the real line;
/// exact frequencies while the distinct values are few, then a KLL sketch (seeded with those
/// frequencies as weighted items). With <c>lengths</c> it measures string lengths instead (text).
/// </summary>
internal sealed class NumericAccumulator : ColumnAccumulator
{
    /// <summary>Candidate precisions of time values, coarsest first, in ticks.</summary>
    internal static readonly long[] TickUnits = [TimeSpan.TicksPerDay, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMillisecond, 10, 1];

    private readonly ValueKind _kind;
    private readonly bool _lengths;
    private readonly int _maxExact;
    private readonly int _sketchK;
    private readonly Xoshiro256 _random;
    private Dictionary<double, long>? _exact = [];
    private KllSketch? _sketch;

    public NumericAccumulator(ValueKind kind, bool lengths, int maxExact, int sketchK, Xoshiro256 random)
    {
        _kind = kind;
        _lengths = lengths;
        _maxExact = maxExact;
        _sketchK = sketchK;
        _random = random;
    }

    public long Count { get; private set; }

    public long Nulls { get; private set; }

    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    /// <summary>Smallest and largest integer seen (an integer column), exact where the doubles of <see cref="Min"/> and <see cref="Max"/> are not (past 2^53).</summary>
    public (long Min, long Max)? IntegerRange { get; private set; }

    /// <summary>Largest number of decimal places seen in a decimal column.</summary>
    public int MaxScale { get; private set; }

    /// <summary>
    /// Most decimal places a floating-point value needed (a price stored as REAL, 21.35: 2), at most
    /// <see cref="MaxFloatDecimals"/>; -1 once a value needs more (a measurement), or for other kinds.
    /// </summary>
    public int FloatDecimals { get; private set; }

    /// <summary>Most decimal places a floating-point column is rounded to; beyond, its values are kept as drawn.</summary>
    public const int MaxFloatDecimals = 6;

    /// <summary>Index into <see cref="TickUnits"/> of the coarsest unit dividing every time value.</summary>
    public int TickUnitIndex { get; private set; }

    /// <summary>Offset of the first timestamp with time zone seen, kept for output.</summary>
    public TimeSpan Offset { get; private set; }

    private bool _offsetSeen;

    public override void Observe(object?[][] rows, int count, int column) => Observe(rows, 0, count, column);

    /// <summary>Observes rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> - 1 of <paramref name="rows"/>.</summary>
    public void Observe(object?[][] rows, int start, int count, int column)
    {
        var isTime = _kind is ValueKind.DateTime or ValueKind.DateTimeOffset or ValueKind.Time or ValueKind.Interval;
        for (var r = start; r < start + count; r++)
        {
            var value = rows[r][column];
            if (value is null or DBNull)
            {
                Nulls++;
                continue;
            }

            double x;
            if (_lengths)
            {
                x = value is string s ? s.Length : CellCodec.Format(value).Length;
            }
            else
            {
                x = ScalarConverter.ToDouble(value, _kind);
                if (double.IsNaN(x) || double.IsInfinity(x))
                {
                    // Non-finite floats have no place on the line; they are learned as missing.
                    Nulls++;
                    continue;
                }

                if (value is long whole)
                {
                    IntegerRange = IntegerRange is var (lo, hi) ? (Math.Min(lo, whole), Math.Max(hi, whole)) : (whole, whole);
                }
                else if (value is decimal m && m.Scale > MaxScale)
                {
                    MaxScale = m.Scale;
                }
                else if (_kind == ValueKind.Double && FloatDecimals >= 0)
                {
                    // -1 (more than MaxFloatDecimals) is final: a max with it kept the places of the values before, so a
                    // DOUBLE of quotients (1/7 = 0.142857142...) beside a few whole numbers came out as whole numbers.
                    var places = DecimalsOf(x, value is float ? 1e-6 : 1e-9);
                    FloatDecimals = places < 0 ? -1 : Math.Max(FloatDecimals, places);
                }
                else if (isTime)
                {
                    ObserveTime(value);
                }
            }

            Add(x);
        }
    }

    /// <summary>Counts one finite value already on the line (a difference of two columns, say).</summary>
    public void Add(double x)
    {
        Count++;
        if (x < Min)
        {
            Min = x;
        }

        if (x > Max)
        {
            Max = x;
        }

        if (_exact is not null)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_exact, x, out _);
            slot++;
            if (_exact.Count > _maxExact)
            {
                SwitchToSketch();
            }
        }
        else
        {
            _sketch!.Add(x);
        }
    }

    /// <summary>
    /// Decimal places <paramref name="x"/> has as written (21.35: 2; 1/3: -1, more than <see cref="MaxFloatDecimals"/>), to a
    /// relative <paramref name="tolerance"/> (a single-precision 21.35 is 21.3500003... as a double).
    /// </summary>
    internal static int DecimalsOf(double x, double tolerance = 1e-9)
    {
        var scaled = Math.Abs(x);
        if (scaled >= 1e15) return 0;
        for (var d = 0; d <= MaxFloatDecimals; d++)
        {
            if (Math.Abs(scaled - Math.Round(scaled)) <= tolerance * Math.Max(1, scaled)) return d;
            scaled *= 10;
        }

        return -1;
    }

    private void ObserveTime(object value)
    {
        var ticks = ScalarConverter.Ticks(value);
        while (TickUnitIndex < TickUnits.Length - 1 && ticks % TickUnits[TickUnitIndex] != 0)
        {
            TickUnitIndex++;
        }

        if (!_offsetSeen && value is DateTimeOffset dto)
        {
            Offset = dto.Offset;
            _offsetSeen = true;
        }
    }

    private void SwitchToSketch()
    {
        _sketch = new KllSketch(_sketchK, _random);
        foreach (var (value, weight) in _exact!.OrderBy(static p => p.Key))
        {
            _sketch.Add(value, weight);
        }

        _exact = null;
    }

    /// <summary>
    /// The marginal of the values seen, or null where there were none: values seen at least
    /// <paramref name="k"/> times kept exactly, the others smoothed (see <see cref="PrivateMarginal"/>).
    /// </summary>
    public ContinuousMarginal? ToMarginal(int gridSize, int k)
    {
        if (Count == 0)
        {
            return null;
        }

        return _exact is not null
            ? PrivateMarginal.From(_exact.OrderBy(static p => p.Key).Select(static p => (p.Key, p.Value)).ToList(), k, gridSize, exact: true)
            : PrivateMarginal.From(_sketch!.WeightedItems(), k, gridSize, exact: false);
    }
}
