using Sdv.Connector.Synthesis.Evaluation.Metrics;
using Sdv.Connector.Synthesis.Evaluation.Results;

namespace Sdv.Connector.Synthesis.Evaluation.Reports;

/// <summary>Builds the report rows of Column Pair Trends and Intertable Trends from pair breakdowns.</summary>
internal static class PairDetails
{
    public static PairTrendDetail Of(
        string table, string? parentTable, IReadOnlyList<string>? foreignKey, string column1, string column2, string metric, PairScore score) =>
        new(
            table,
            parentTable,
            foreignKey,
            column1,
            column2,
            metric,
            Scores.Nullable(score.Score),
            Scores.Nullable(score.RealCorrelation),
            Scores.Nullable(score.SyntheticCorrelation),
            Scores.Nullable(score.RealAssociation),
            score.MeetsThreshold,
            score.Error);

    /// <summary>Mean of the scores of rows that meet the threshold; NaN rows are left out; NaN when none is left.</summary>
    public static double Property(IEnumerable<PairTrendDetail> details) =>
        Scores.Mean(details.Where(d => d.MeetsThreshold == true).Select(d => d.Score));
}
