namespace Sdv.Connector.Synthesis.Evaluation.Results;

/// <summary>
/// Synthetic rows equal to some real row on the learned columns, pooled over tables (<see cref="Rate"/>) beside
/// the pooled chance baseline, per table, and on quasi-identifier combinations. With rows held out of the fit,
/// <see cref="FittedRate"/> (synthetic rows equal to a fitted row) beside <see cref="HeldOutRate"/> (held-out real
/// rows equal to a fitted row), each table weighed by its synthetic rows. Tables identical to the real ones (reference
/// tables copied verbatim) are left out of the pooled figures and listed in <see cref="IdenticalTables"/>.
/// </summary>
internal sealed record ExactMatchSummary(
    double? Rate,
    long Matches,
    long SyntheticRows,
    double? ChanceRate,
    double? NewRowRate,
    IReadOnlyList<ExactMatchDetail> Tables,
    IReadOnlyList<ExactMatchDetail> QuasiIdentifiers,
    double? FittedRate = null,
    double? HeldOutRate = null,
    IReadOnlyList<IdenticalTable>? IdenticalTables = null)
{
    /// <summary>Whether the pooled rate is well above both pooled baselines.</summary>
    public bool AboveChance => IsWellAbove(Rate, ChanceRate, NewRowRate);

    /// <summary>
    /// A match rate is well above chance when it exceeds one and a half times the new-row rate plus one point: a model
    /// that learned the source without copying its rows matches about as often as new rows from the source would. (The
    /// marginal rate is no guide here: drawn from the real marginals, a birth date is always a real one.)
    /// </summary>
    public static bool IsWellAbove(double? rate, double? chance, double? newRows)
    {
        if (rate is not { } r || (newRows ?? chance) is not { } baseline)
        {
            return false;
        }

        return r > (1.5 * baseline) + 0.01;
    }
}

/// <summary>A synthetic table whose every row is a real one (a lookup copied verbatim, whole or in part), left out of the pooled privacy figures.</summary>
internal sealed record IdenticalTable(string Table, long Rows, long RealRows);
