using Sdv.Connector.Synthesis.Statistics;

namespace Sdv.Connector.Synthesis.Copulas;

/// <summary>Pearson correlation of two columns of rows over the rows where both are present (NaN = missing), by <see cref="Comoments"/>.</summary>
internal static class PairwisePearson
{
    /// <summary>The correlation in [-1, 1]; NaN with fewer than 3 complete rows or a constant column.</summary>
    public static double Of(double[][] rows, int a, int b)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var moments = default(Comoments);
        foreach (var row in rows)
        {
            moments.Add(row[a], row[b], 1);
        }

        return moments.Count < 3 ? double.NaN : moments.Pearson();
    }
}
