using Sdv.Connector.Synthesis.Evaluation.Results;
using Sdv.Connector.Synthesis.Evaluation.Streaming;

namespace Sdv.Connector.Synthesis.Evaluation.Reports;

/// <summary>
/// SDMetrics' (unified) QualityReport: Column Shapes, Column Pair Trends and, when the metadata
/// has more than one table, Cardinality and Intertable Trends. A property is the mean of its detail
/// scores pooled across tables (NaN left out); the overall score is the mean of the properties.
/// </summary>
internal static class QualityReport
{
    public const string ColumnShapes = "Column Shapes";
    public const string ColumnPairTrendsProperty = "Column Pair Trends";
    public const string Cardinality = "Cardinality";
    public const string IntertableTrends = "Intertable Trends";

    public static QualityResult Compute(IReadOnlyList<TableEvaluation> tables, IReadOnlyList<RelationshipEvaluation> relationships)
    {
        var shapes = tables.SelectMany(t => t.Shapes).ToList();
        var pairs = tables.SelectMany(t => t.Rows?.Pairs ?? []).ToList();
        var properties = new Dictionary<string, double?>
        {
            [ColumnShapes] = Scores.Nullable(Scores.Mean(shapes.Select(s => s.Score))),
            [ColumnPairTrendsProperty] = Scores.Nullable(PairDetails.Property(pairs)),
        };

        var cardinality = new List<CardinalityDetail>();
        var intertable = new List<PairTrendDetail>();
        if (tables.Count > 1)
        {
            cardinality.AddRange(relationships.Select(r => r.Cardinality));
            intertable.AddRange(relationships.SelectMany(r => r.Intertable));
            properties[Cardinality] = Scores.Nullable(Scores.Mean(cardinality.Select(c => c.Score)));
            properties[IntertableTrends] = Scores.Nullable(PairDetails.Property(intertable));
        }

        var overall = Scores.Nullable(Scores.Mean(properties.Values));
        return new QualityResult(overall, properties, shapes, pairs, cardinality, intertable);
    }
}
