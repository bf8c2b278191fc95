namespace Sdv.Connector.Synthesis.Evaluation.Privacy;

/// <summary>
/// The row distance of <see cref="DistanceToClosestRecord"/>: continuous columns scaled by the real
/// range, discrete columns compared for equality, averaged over columns. Rows are encoded once as
/// double[] (categories as integer codes, null as NaN) so the quadratic search is plain arithmetic.
/// </summary>
internal sealed class DistanceSpace
{
    private readonly bool[] _continuous;
    private readonly double[] _range;
    private readonly Dictionary<object, int>[] _codes;

    /// <param name="continuous">Per column, whether it is compared as a number.</param>
    /// <param name="range">Per column, the real max − min over every real row (0 or NaN: compared for equality).</param>
    public DistanceSpace(bool[] continuous, double[] range)
    {
        _continuous = continuous;
        _range = range;
        _codes = continuous.Select(_ => new Dictionary<object, int>()).ToArray();
    }

    /// <summary>Each row (cells in column order) as one number per column: the value (continuous) or a category code (discrete); NaN for null.</summary>
    public double[][] Encode(IReadOnlyList<object?[]> rows) =>
        rows.Select(row => row.Select((cell, c) => _continuous[c] ? SafeNumber(cell) : Code(c, cell)).ToArray()).ToArray();

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
            else if (_continuous[c] && _range[c] > 0)
            {
                total += Math.Min(1.0, Math.Abs(x - y) / _range[c]);
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
        if (!_codes[column].TryGetValue(key, out var code))
        {
            _codes[column][key] = code = _codes[column].Count;
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
