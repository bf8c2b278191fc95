using Sdv.Connector.Synthesis.Evaluation;

namespace Sdv.Connector.Reports;

/// <summary>Pearson correlation matrices of numeric columns, on pairwise complete rows of a sample.</summary>
internal static class Correlations
{
    /// <summary>r for each pair of columns (null where a column is constant or has fewer than two shared values).</summary>
    public static double?[,] Pearson(IReadOnlyList<double[]> columns)
    {
        var n = columns.Count;
        var matrix = new double?[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                var r = i == j ? (Variance(columns[i]) > 0 ? 1.0 : (double?)null) : Pair(columns[i], columns[j]);
                matrix[i, j] = r;
                matrix[j, i] = r;
            }
        }

        return matrix;
    }

    /// <summary>A column's cells as numbers (NaN for nulls and unreadable cells).</summary>
    public static double[] Numbers(EvaluationTable table, int column)
    {
        var values = new double[table.Rows.Count];
        for (var r = 0; r < values.Length; r++)
        {
            try
            {
                values[r] = CellValues.ToNumber(table.Rows[r][column]);
            }
            catch (FormatException)
            {
                values[r] = double.NaN;
            }
        }

        return values;
    }

    private static double Variance(double[] x)
    {
        var finite = x.Where(double.IsFinite).ToArray();
        if (finite.Length < 2) return 0;
        var mean = finite.Average();
        return finite.Sum(v => (v - mean) * (v - mean));
    }

    private static double? Pair(double[] x, double[] y)
    {
        long count = 0;
        double mx = 0, my = 0;
        for (var k = 0; k < x.Length; k++)
        {
            if (!double.IsFinite(x[k]) || !double.IsFinite(y[k])) continue;
            count++;
            mx += x[k];
            my += y[k];
        }

        if (count < 2) return null;
        mx /= count;
        my /= count;
        double sxy = 0, sxx = 0, syy = 0;
        for (var k = 0; k < x.Length; k++)
        {
            if (!double.IsFinite(x[k]) || !double.IsFinite(y[k])) continue;
            var dx = x[k] - mx;
            var dy = y[k] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxx > 0 && syy > 0 ? Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1) : null;
    }
}
