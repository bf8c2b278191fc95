namespace Sdv.Connector.Synthesis.Evaluation.Metrics;

/// <summary>
/// Cramér's V of a contingency table (scipy's <c>association(method="cramer")</c>):
/// sqrt(χ²/(n·(min(R, C) − 1))) with Pearson's χ² and no Yates correction.
/// </summary>
internal static class CramersV
{
    /// <summary>V from counts of (row category, column category); NaN when n is 0 or the table has fewer than 2 rows or columns.</summary>
    public static double Compute(IReadOnlyDictionary<(object A, object B), long> counts)
    {
        var rowTotals = new Dictionary<object, long>();
        var columnTotals = new Dictionary<object, long>();
        long n = 0;
        foreach (var ((a, b), count) in counts)
        {
            rowTotals[a] = rowTotals.TryGetValue(a, out var ra) ? ra + count : count;
            columnTotals[b] = columnTotals.TryGetValue(b, out var cb) ? cb + count : count;
            n += count;
        }

        if (n == 0 || rowTotals.Count < 2 || columnTotals.Count < 2)
        {
            return double.NaN;
        }

        // Every cell of the R×C grid counts, the empty ones too (observed 0, expected > 0). Summed over the grid,
        // Σ(o−e)²/e = Σo²/e − 2Σo + Σe = Σo²/e − n, and o²/e is 0 where o is: so only the observed cells are
        // visited (two columns of 3,000 names each are 9 million cells, a few thousand of them observed).
        var sum = 0.0;
        foreach (var ((a, b), observed) in counts)
        {
            if (observed == 0) continue;
            var expected = (double)rowTotals[a] * columnTotals[b] / n;
            sum += observed * (double)observed / expected;
        }

        var chi2 = Math.Max(0, sum - n);
        var minDim = Math.Min(rowTotals.Count, columnTotals.Count) - 1;
        return Math.Sqrt(chi2 / n / minDim);
    }
}
