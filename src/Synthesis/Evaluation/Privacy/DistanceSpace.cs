using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Evaluation.Reports;

namespace Sdv.Connector.Synthesis.Evaluation.Privacy;

/// <summary>
/// The row distance of <see cref="DistanceToClosestRecord"/>: continuous columns scaled by the real
/// range, discrete columns compared for equality, averaged over columns.
/// </summary>
internal sealed class DistanceSpace
{
    private readonly bool[] continuous;
    private readonly double[] min;
    private readonly double[] range;

    public DistanceSpace(SdType[] sdTypes, IReadOnlyList<object?[]> realRows, int[] positions)
    {
        continuous = sdTypes.Select(PairColumn.IsContinuousType).ToArray();
        min = new double[sdTypes.Length];
        range = new double[sdTypes.Length];
        for (var c = 0; c < sdTypes.Length; c++)
        {
            if (!continuous[c])
            {
                continue;
            }

            var values = realRows.Select(r => SafeNumber(r[positions[c]])).Where(v => !double.IsNaN(v)).ToArray();
            min[c] = values.Length == 0 ? 0 : values.Min();
            range[c] = values.Length == 0 ? 0 : values.Max() - min[c];
        }
    }

    /// <summary>Each row as one cell per column: a double (NaN = null) for continuous columns, a category key otherwise.</summary>
    public object[][] Encode(IReadOnlyList<object?[]> rows, int[] positions) =>
        rows.Select(row => positions.Select((p, c) => continuous[c] ? (object)SafeNumber(row[p]) : CellValues.Key(row[p])).ToArray()).ToArray();

    public double Distance(object[] a, object[] b)
    {
        var total = 0.0;
        for (var c = 0; c < a.Length; c++)
        {
            if (continuous[c])
            {
                double x = (double)a[c], y = (double)b[c];
                var xNull = double.IsNaN(x);
                var yNull = double.IsNaN(y);
                if (xNull || yNull)
                {
                    total += xNull && yNull ? 0 : 1;
                }
                else if (range[c] > 0)
                {
                    total += Math.Min(1.0, Math.Abs(x - y) / range[c]);
                }
                else
                {
                    total += x == y ? 0 : 1;
                }
            }
            else
            {
                total += a[c].Equals(b[c]) ? 0 : 1;
            }
        }

        return total / a.Length;
    }

    /// <summary>The distance from <paramref name="point"/> to the closest of <paramref name="others"/>; +∞ when there is none.</summary>
    public double Closest(object[] point, object[][] others)
    {
        var best = double.PositiveInfinity;
        foreach (var other in others)
        {
            best = Math.Min(best, Distance(point, other));
            if (best == 0)
            {
                break;
            }
        }

        return best;
    }

    private static double SafeNumber(object? value)
    {
        try
        {
            return CellValues.ToNumber(value);
        }
        catch (FormatException)
        {
            // An unreadable cell is treated as missing here; Quality reports the column's error.
            return double.NaN;
        }
    }
}
