namespace Sdv.Connector.Synthesis.Evaluation.Metrics;

/// <summary>Children per parent row, as SDMetrics counts them for Cardinality and CardinalityBoundaryAdherence.</summary>
internal static class ChildCounts
{
    /// <summary>
    /// For every parent row, the number of child rows whose foreign key equals its key; childless
    /// parents count 0, and orphans and null foreign keys are ignored.
    /// </summary>
    public static double[] PerParent(IReadOnlyList<RowKey?> parentKeys, IReadOnlyList<RowKey?> foreignKeys)
    {
        var children = new Dictionary<RowKey, long>();
        foreach (var fk in foreignKeys)
        {
            if (fk is { } key)
            {
                children[key] = children.TryGetValue(key, out var c) ? c + 1 : 1;
            }
        }

        var counts = new double[parentKeys.Count];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = parentKeys[i] is { } key && children.TryGetValue(key, out var c) ? c : 0;
        }

        return counts;
    }

    /// <summary>The same as a histogram: number of children → parent rows with that many.</summary>
    public static Dictionary<long, long> Histogram(IReadOnlyList<RowKey?> parentKeys, IReadOnlyList<RowKey?> foreignKeys) =>
        PerParent(parentKeys, foreignKeys).GroupBy(c => (long)c).ToDictionary(g => g.Key, g => (long)g.Count());
}
