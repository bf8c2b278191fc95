namespace Sdv.Connector.Synthesis.Evaluation.Results;

/// <summary>
/// SDMetrics' QualityReport. <see cref="Properties"/> maps "Column Shapes", "Column Pair Trends",
/// and for more than one table "Cardinality" and "Intertable Trends", to the mean of their
/// detail scores; <see cref="Overall"/> is the mean of the non-null properties.
/// </summary>
internal sealed record QualityResult(
    double? Overall,
    IReadOnlyDictionary<string, double?> Properties,
    IReadOnlyList<ColumnShapeDetail> ColumnShapes,
    IReadOnlyList<PairTrendDetail> ColumnPairTrends,
    IReadOnlyList<CardinalityDetail> Cardinality,
    IReadOnlyList<PairTrendDetail> IntertableTrends)
{
    /// <summary>The lowest-scoring columns, worst first (for the console summary).</summary>
    public IReadOnlyList<ColumnShapeDetail> WorstColumns(int count = 10) =>
        ColumnShapes.Where(d => d.Score is not null).OrderBy(d => d.Score).Take(count).ToList();

    /// <summary>The lowest-scoring pairs that count towards their property (within and across tables), worst first.</summary>
    public IReadOnlyList<PairTrendDetail> WorstPairs(int count = 10) =>
        ColumnPairTrends.Concat(IntertableTrends)
            .Where(d => d.Score is not null && d.MeetsThreshold == true)
            .OrderBy(d => d.Score)
            .Take(count)
            .ToList();
}
