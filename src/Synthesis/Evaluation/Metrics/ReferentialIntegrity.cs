using Sdv.Connector.Synthesis.Evaluation.Sources;

namespace Sdv.Connector.Synthesis.Evaluation.Metrics;

/// <summary>SDMetrics' ReferentialIntegrity: the share of synthetic child rows whose foreign key matches a synthetic parent key.</summary>
internal static class ReferentialIntegrity
{
    /// <summary>
    /// The score from the synthetic child table's counts. Null foreign keys are dropped first when the real foreign
    /// key has nulls (they are then legitimate); otherwise they count as broken. NaN when no child row is left.
    /// </summary>
    public static double Compute(bool realForeignKeyHasNulls, ForeignKeyCounts synthetic)
    {
        var rows = realForeignKeyHasNulls ? synthetic.Rows - synthetic.NullRows : synthetic.Rows;
        return rows <= 0 ? double.NaN : (double)synthetic.Matched / rows;
    }

    /// <summary>The counts from parent keys and foreign keys, one per row (a key with a NULL part is null).</summary>
    public static ForeignKeyCounts Count(IReadOnlyList<RowKey?> parentKeys, IReadOnlyList<RowKey?> foreignKeys)
    {
        var parents = new HashSet<RowKey>();
        foreach (var key in parentKeys)
        {
            if (key is { } k)
            {
                parents.Add(k);
            }
        }

        long nulls = 0, matched = 0;
        foreach (var fk in foreignKeys)
        {
            if (fk is { } k)
            {
                matched += parents.Contains(k) ? 1 : 0;
            }
            else
            {
                nulls++;
            }
        }

        return new ForeignKeyCounts(foreignKeys.Count, nulls, matched);
    }

    public static double Compute(bool realForeignKeyHasNulls, IReadOnlyList<RowKey?> syntheticParentKeys, IReadOnlyList<RowKey?> syntheticForeignKeys) =>
        Compute(realForeignKeyHasNulls, Count(syntheticParentKeys, syntheticForeignKeys));
}
