using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Evaluation.Reports;

namespace Sdv.Connector.Synthesis.Evaluation.Privacy;

/// <summary>
/// The row distance of <see cref="DistanceToClosestRecord"/>: continuous columns scaled by the real
/// range, discrete columns compared for equality, averaged over columns. Rows are encoded once as
/// double[] (categories as integer codes, null as NaN) so the quadratic search is plain arithmetic.
/// </summary>
internal sealed class DistanceSpace
{
    private readonly bool[] continuous;
    private readonly double[] range;
    private readonly Dictionary<object, int>[] codes;

    public DistanceSpace(SdType[] sdTypes, IReadOnlyList<object?[]> realRows, int[] positions)
    {
        continuous = sdTypes.Select(PairColumn.IsContinuousType).ToArray();
        range = new double[sdTypes.Length];
        codes = sdTypes.Select(_ => new Dictionary<object, int>()).ToArray();
        for (var c = 0; c < sdTypes.Length; c++)
        {
            if (continuous[c])
            {
                var values = realRows.Select(r => SafeNumber(r[positions[c]])).Where(v => !double.IsNaN(v)).ToArray();
                range[c] = values.Length == 0 ? 0 : values.Max() - values.Min();
            }
        }
    }

    /// <summary>Each row as one number per column: the value (continuous) or a category code (discrete); NaN for null.</summary>
    public double[][] Encode(IReadOnlyList<object?[]> rows, int[] positions) =>
        rows.Select(row => positions.Select((p, c) => continuous[c] ? SafeNumber(row[p]) : Code(c, row[p])).ToArray()).ToArray();

    public double Distance(double[] a, double[] b)
    {
        var total = 0.0;
        for (var c = 0; c < a.Length; c++)
        {
            double x = a[c], y = b[c];
            var xNull = double.IsNaN(x);
            var yNull = double.IsNaN(y);
            if (xNull || yNull)
            {
                total += xNull && yNull ? 0 : 1;
            }
            else if (continuous[c] && range[c] > 0)
            {
                total += Math.Min(1.0, Math.Abs(x - y) / range[c]);
            }
            else
            {
                total += x == y ? 0 : 1;
            }
        }

        return total / a.Length;
    }

    /// <summary>The distance from <paramref name="point"/> to the closest of <paramref name="others"/>; +∞ when there is none.</summary>
    public double Closest(double[] point, double[][] others)
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

    private double Code(int column, object? value)
    {
        if (CellValues.IsNull(value))
        {
            return double.NaN;
        }

        var key = CellValues.Key(value);
        if (!codes[column].TryGetValue(key, out var code))
        {
            codes[column][key] = code = codes[column].Count;
        }

        return code;
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
