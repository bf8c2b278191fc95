using System.Text.Json.Serialization;
using Sdv.Connector.Synthesis.Copulas;
using Sdv.Connector.Synthesis.Marginals;
using Sdv.Connector.Synthesis.Sampling;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.Models;

/// <summary>
/// Numbers, dates, times and timestamps: a marginal on the real line, exact min/max, rounding to
/// the learned precision (integer, decimal places, day/second/millisecond/microsecond), and a null
/// indicator dimension where the column had NULLs.
/// </summary>
internal sealed class ContinuousColumnModel : ColumnModel
{
    public ContinuousMarginal Marginal { get; set; } = new();

    /// <summary>Decimal places of output (decimal columns).</summary>
    public int DecimalPlaces { get; set; }

    /// <summary>
    /// Decimal places a floating-point column's values are rounded to, as the source writes them (prices stored as
    /// REAL: 2); null where they have more (measurements) and for other kinds.
    /// </summary>
    public int? FloatDecimals { get; set; }

    /// <summary>Rounding step in the continuous unit of the kind (0 = none).</summary>
    public double Step { get; set; }

    /// <summary>Time-zone offset (minutes) given to generated timestamps with time zone.</summary>
    public int OffsetMinutes { get; set; }

    /// <summary>2^53: past it, not every integer is a double (near 10^18 only every 256th).</summary>
    public const double ExactDoubleLimit = 9007199254740992;

    /// <summary>
    /// The smallest and largest value of an integer column whose values pass <see cref="ExactDoubleLimit"/> (snowflake
    /// ids, 64-bit hashes), exact as the doubles of the marginal are not; null for any other column.
    /// </summary>
    public long[]? ExactRange { get; set; }

    /// <summary>Bounds from the type and the CHECK constraints, within which output is clamped.</summary>
    public double LowerBound { get; set; } = double.MinValue;

    public double UpperBound { get; set; } = double.MaxValue;

    public int ValueDim { get; set; } = -1;

    /// <summary>The category column whose values each have their own marginal of this column (see <see cref="Marginals.StratumAccumulator"/>), or null.</summary>
    public string? StratumColumn { get; set; }

    /// <summary>Category value (invariant text; NUL for NULL) → the marginal of this column within it.</summary>
    public Dictionary<string, ContinuousMarginal>? Strata { get; set; }

    public int NullDim { get; set; } = -1;

    [JsonIgnore]
    public override IEnumerable<int> Dimensions => new[] { ValueDim, NullDim }.Where(static d => d >= 0);

    public override void RenumberDimensions(ref int next)
    {
        if (ValueDim >= 0) ValueDim = next++;
        if (NullDim >= 0) NullDim = next++;
    }

    public override void DescribeDimensions(Joint.JointDimension?[] into)
    {
        if (ValueDim >= 0) into[ValueDim] = new Joint.JointDimension(Name, Joint.DimensionKind.Continuous, [], IsGiven);
        if (NullDim >= 0) into[NullDim] = NullIndicator();
    }

    public override void Encode(object? value, Span<double> z, Xoshiro256 random)
    {
        var p = NullShare;
        if (value is null)
        {
            if (NullDim >= 0)
            {
                z[NullDim] = NormalScores.Inside(0, p, random);
            }

            if (ValueDim >= 0)
            {
                z[ValueDim] = double.NaN;
            }

            return;
        }

        if (NullDim >= 0)
        {
            z[NullDim] = NormalScores.Inside(p, 1, random);
        }

        if (ValueDim < 0)
        {
            return;
        }

        if (value is NotNull)
        {
            z[ValueDim] = double.NaN;
            return;
        }

        var x = ScalarConverter.ToDouble(value, Kind);
        if (double.IsNaN(x))
        {
            z[ValueDim] = double.NaN;
            return;
        }

        var (lo, hi) = Marginal.CdfInterval(x);
        z[ValueDim] = NormalScores.Inside(lo, hi, random);
    }

    /// <summary>The value's normal score within its category's marginal (see <see cref="Strata"/>).</summary>
    public void EncodeWithin(object value, ContinuousMarginal stratum, Span<double> z, Xoshiro256 random)
    {
        var x = ScalarConverter.ToDouble(value, Kind);
        if (ValueDim < 0 || double.IsNaN(x)) return;
        var (lo, hi) = stratum.CdfInterval(x);
        z[ValueDim] = NormalScores.Inside(lo, hi, random);
    }

    public override object? Generate(ReadOnlySpan<double> u, ColumnRuntime runtime)
    {
        // A NOT NULL column never draws NULL, even where the source read some: MySQL's zero dates ('0000-00-00') are
        // read as NULL, and a NOT NULL column of them came out NULL in 10% of rows, which the target refused.
        if (ValueDim < 0 || (NullDim >= 0 && u[NullDim] < NullShare && IsNullable))
        {
            return ValueDim < 0 && !IsNullable ? Generators.TypeDefaults.For(Kind) : null;
        }

        return FromProbability(u[ValueDim]);
    }

    public override object? Redraw(object? previous, int attempt, ColumnRuntime runtime)
    {
        if (previous is null)
        {
            return null;
        }

        if (attempt < 20)
        {
            return FromProbability(runtime.Random.NextDouble());
        }

        // Walk outward from the repeated value by the column's own step (Unit: 1, a unit of the last decimal, a day)
        // until a free value turns up; a floating-point column by a hair of the value, so that it always finds one.
        var previousValue = ScalarConverter.ToDouble(previous, Kind);
        var step = Kind != ValueKind.Double && Unit() is var unit and > 0 ? unit : Math.Max(Math.Abs(previousValue) * 1e-12, 1e-9);
        if (runtime.Beyond is not null)
        {
            // The learned range was used up by an earlier row: walking it again would find nothing.
            return Beyond(step, runtime);
        }

        var k = (attempt - 19) / 2;
        var up = previousValue + (k * step);
        var down = previousValue - (k * step);
        if (up > Hi && down < Lo)
        {
            // Every value of the learned range on the column's step is taken (more rows than it has values, as a
            // UNIQUE column cloned at --scale 3): continue past it rather than repeat a value the key refuses.
            return Beyond(step, runtime);
        }

        var takeUp = attempt % 2 == 0 ? up <= Hi : down < Lo;
        return Emit(Math.Clamp(takeUp ? up : down, Lo, Hi));
    }

    /// <summary>
    /// The next value past the learned range: above its maximum, one step at a time, and below its minimum once the
    /// type's (or a CHECK's) upper bound is reached. Each is new, so a unique column never repeats.
    /// </summary>
    private object Beyond(double step, ColumnRuntime runtime)
    {
        var (above, below) = runtime.Beyond ?? (Hi, Lo);
        if (above + step <= UpperBound)
        {
            runtime.Beyond = (above + step, below);
            return Emit(above + step);
        }

        runtime.Beyond = (above, below - step);
        return Emit(Math.Max(below - step, LowerBound));
    }

    public object FromProbability(double u) => Emit(Within(Marginal.InverseCdf(u), Lo, Hi), u);

    /// <summary>
    /// A value computed from others of the row (a date plus a difference), rounded as the column writes its values and
    /// held to the type's and the CHECKs' bounds only: the learned range would clamp a due date that follows a late
    /// order below the order itself.
    /// </summary>
    public object Derived(double x) => Emit(Within(x, LowerBound, UpperBound));

    /// <summary>The value at probability <paramref name="u"/> of a category's own marginal, within the column's bounds.</summary>
    public object FromProbability(double u, ContinuousMarginal stratum) =>
        Emit(Within(stratum.InverseCdf(u), Math.Max(stratum.Min, LowerBound), Math.Min(stratum.Max, UpperBound)), u);

    /// <summary>
    /// <paramref name="x"/> rounded as the column writes its values and kept within [lo, hi]. A bound is a smoothed
    /// tail (not a real value), so it need not be a value of the column's precision: where rounding lands outside, the
    /// nearest value of that precision inside is taken, and the bound itself only where there is none.
    /// </summary>
    private double Within(double x, double lo, double hi)
    {
        // A category's learned range can lie past the column's safe bound (bigints near the type's top, which a double
        // cannot hold exactly): the bound wins, rather than an empty range.
        if (lo > hi) lo = hi;
        var rounded = Round(Math.Clamp(x, lo, hi));
        if (rounded >= lo && rounded <= hi) return rounded;
        var unit = Unit();
        if (unit <= 0) return Math.Clamp(rounded, lo, hi);
        var inside = rounded < lo ? Math.Ceiling((lo / unit) - 1e-9) * unit : Math.Floor((hi / unit) + 1e-9) * unit;
        inside = Round(inside);
        return inside >= lo && inside <= hi ? inside : Math.Clamp(x, lo, hi);
    }

    /// <summary>The column's smallest step between values: 1 for integers, 0.01 for cents, 0 where values are not rounded.</summary>
    private double Unit() => Kind switch
    {
        ValueKind.Integer => 1,
        ValueKind.Decimal => Math.Pow(10, -Math.Clamp(DecimalPlaces, 0, 15)),
        ValueKind.Double when FloatDecimals is { } places => Math.Pow(10, -places),
        _ => Step,
    };

    private double Lo => Math.Max(Marginal.Min, LowerBound);

    private double Hi => Math.Min(Marginal.Max, UpperBound);

    /// <summary>The value of <paramref name="x"/>; past 2^53 in an integer column, one of the integers the double stands for, chosen by the draw's probability <paramref name="u"/>.</summary>
    private object Emit(double x, double u = double.NaN) => ExactRange is [var min, var max] && !double.IsNaN(u) && Math.Abs(x) > ExactDoubleLimit
        ? Exact(x, u, min, max)
        : ScalarConverter.FromDouble(x, Kind, DecimalPlaces, TimeSpan.FromMinutes(OffsetMinutes), LogicalType == SchemaIntrospection.Model.LogicalType.Float32);

    /// <summary>
    /// A double past 2^53 stands for a run of integers (256 of them near 10^18): rounded to the double alone, every value
    /// of a snowflake-id column came out a multiple of 256. An integer of the run is taken by the bits of the draw's
    /// probability (seeded, so the same seed gives the same value), within the source's exact range.
    /// </summary>
    private static long Exact(double x, double u, long min, long max)
    {
        var spacing = Math.BitIncrement(Math.Abs(x)) - Math.Abs(x);
        var run = (long)Math.Min(spacing, 1L << 52);
        var centre = x >= 9.2233720368547758E18 ? long.MaxValue : x <= -9.2233720368547758E18 ? long.MinValue : (long)x;
        var bits = (ulong)BitConverter.DoubleToInt64Bits(u) * 0x9E3779B97F4A7C15UL;
        bits = (bits ^ (bits >> 31)) * 0xBF58476D1CE4E5B9UL;
        bits ^= bits >> 29;
        var offset = (long)(bits % (ulong)run) - (run / 2);
        var value = offset >= 0 ? (centre > long.MaxValue - offset ? long.MaxValue : centre + offset) : (centre < long.MinValue - offset ? long.MinValue : centre + offset);
        return Math.Clamp(value, min, max);
    }

    private double Round(double x)
    {
        if (Kind == ValueKind.Integer)
        {
            return Math.Round(x, MidpointRounding.AwayFromZero);
        }

        if (Kind == ValueKind.Decimal)
        {
            return Math.Round(x, Math.Clamp(DecimalPlaces, 0, 15), MidpointRounding.AwayFromZero);
        }

        if (Kind == ValueKind.Double && FloatDecimals is { } places)
        {
            return Math.Round(x, places, MidpointRounding.AwayFromZero);
        }

        return Step > 0 ? Math.Round(x / Step, MidpointRounding.AwayFromZero) * Step : x;
    }
}
