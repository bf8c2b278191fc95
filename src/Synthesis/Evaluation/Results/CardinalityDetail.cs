namespace Sdv.Connector.Synthesis.Evaluation.Results;

/// <summary>CardinalityShapeSimilarity of one relationship.</summary>
internal sealed record CardinalityDetail(string ParentTable, string ChildTable, IReadOnlyList<string> ForeignKey, string Metric, double? Score);
