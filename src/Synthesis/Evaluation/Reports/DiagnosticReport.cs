using Sdv.Connector.Synthesis.Evaluation.Results;
using Sdv.Connector.Synthesis.Evaluation.Streaming;

namespace Sdv.Connector.Synthesis.Evaluation.Reports;

/// <summary>
/// SDMetrics' (unified) DiagnosticReport: Data Validity, Data Structure and, when the metadata
/// has more than one table, Relationship Validity; overall is the mean of the properties.
/// </summary>
internal static class DiagnosticReport
{
    public const string DataValidity = "Data Validity";
    public const string DataStructure = "Data Structure";
    public const string RelationshipValidity = "Relationship Validity";

    public static DiagnosticResult Compute(IReadOnlyList<TableEvaluation> tables, IReadOnlyList<RelationshipEvaluation> relationships)
    {
        var validity = tables.SelectMany(t => t.Validity).ToList();
        var structure = tables.Select(t => t.Structure!).ToList();
        var properties = new Dictionary<string, double?>
        {
            [DataValidity] = Scores.Nullable(Scores.Mean(validity.Select(v => v.Score))),
            [DataStructure] = Scores.Nullable(Scores.Mean(structure.Select(s => s.Score))),
        };

        var relationshipRows = new List<RelationshipValidityDetail>();
        if (tables.Count > 1)
        {
            relationshipRows.AddRange(relationships.SelectMany(r => r.Validity));
            properties[RelationshipValidity] = Scores.Nullable(Scores.Mean(relationshipRows.Select(r => r.Score)));
        }

        var overall = Scores.Nullable(Scores.Mean(properties.Values));
        return new DiagnosticResult(overall, properties, validity, structure, relationshipRows);
    }
}
