namespace Sdv.Connector.Synthesis.Evaluation.Metrics;

/// <summary>
/// SDMetrics' KeyUniqueness: 1 − the share of synthetic keys that are all null or repeat an
/// earlier key (the first occurrence is fine). A composite key is one tuple per row.
/// </summary>
internal static class KeyUniqueness
{
    /// <summary>The score over key tuples (one cell per key column); NaN when there is no row.</summary>
    public static double Compute(IReadOnlyList<object?[]> keys)
    {
        if (keys.Count == 0)
        {
            return double.NaN;
        }

        var seen = new HashSet<RowKey>();
        var bad = 0L;
        foreach (var tuple in keys)
        {
            if (tuple.All(CellValues.IsNull) || !seen.Add(new RowKey(tuple.Select(CellValues.Key).ToArray())))
            {
                bad++;
            }
        }

        return 1.0 - ((double)bad / keys.Count);
    }
}
