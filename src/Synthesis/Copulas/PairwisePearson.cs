namespace Sdv.Connector.Synthesis.Copulas;

/// <summary>Pearson correlation of two columns of rows over the rows where both are present (NaN = missing).</summary>
internal static class PairwisePearson
{
    /// <summary>The correlation in [-1, 1]; NaN with fewer than 3 complete rows or a (near) constant column.</summary>
    public static double Of(double[][] rows, int a, int b)
    {
        ArgumentNullException.ThrowIfNull(rows);
        double n = 0, sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        foreach (var row in rows)
        {
            var x = row[a];
            var y = row[b];
            if (double.IsNaN(x) || double.IsNaN(y))
            {
                continue;
            }

            n++;
            sa += x;
            sb += y;
            saa += x * x;
            sbb += y * y;
            sab += x * y;
        }

        if (n < 3)
        {
            return double.NaN;
        }

        var cov = (sab / n) - (sa / n * (sb / n));
        var va = (saa / n) - (sa / n * (sa / n));
        var vb = (sbb / n) - (sb / n * (sb / n));
        return va > 1e-12 && vb > 1e-12 ? Math.Clamp(cov / Math.Sqrt(va * vb), -1, 1) : double.NaN;
    }
}
