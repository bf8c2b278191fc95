namespace Sdv.Connector.Synthesis.Evaluation.Results;

/// <summary>ReferentialIntegrity or CardinalityBoundaryAdherence of one relationship.</summary>
internal sealed record RelationshipValidityDetail(string ParentTable, string ChildTable, IReadOnlyList<string> ForeignKey, string Metric, double? Score);
