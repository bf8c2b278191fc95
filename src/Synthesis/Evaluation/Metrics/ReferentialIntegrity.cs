namespace Sdv.Connector.Synthesis.Evaluation.Metrics;

/// <summary>SDMetrics' ReferentialIntegrity: the share of synthetic child rows whose foreign key matches a synthetic parent key.</summary>
internal static class ReferentialIntegrity
{
    /// <summary>
    /// The score. Null foreign keys are dropped first when the real foreign key has nulls (they are
    /// then legitimate); otherwise they count as broken. NaN when no child row is left.
    /// </summary>
    public static double Compute(
        bool realForeignKeyHasNulls,
        IReadOnlyList<RowKey?> syntheticParentKeys,
        IReadOnlyList<RowKey?> syntheticForeignKeys)
    {
        var parents = new HashSet<RowKey>();
        foreach (var key in syntheticParentKeys)
        {
            if (key is { } k)
            {
                parents.Add(k);
            }
        }

        long rows = 0, valid = 0;
        foreach (var fk in syntheticForeignKeys)
        {
            if (fk is null && realForeignKeyHasNulls)
            {
                continue;
            }

            rows++;
            if (fk is { } k && parents.Contains(k))
            {
                valid++;
            }
        }

        return rows == 0 ? double.NaN : (double)valid / rows;
    }
}
