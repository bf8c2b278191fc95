namespace Sdv.Connector.Synthesis.Evaluation.Results;

/// <summary>
/// SDMetrics' DiagnosticReport. <see cref="Properties"/> maps "Data Validity", "Data Structure" and,
/// for more than one table, "Relationship Validity" to the mean of their detail scores.
/// </summary>
internal sealed record DiagnosticResult(
    double? Overall,
    IReadOnlyDictionary<string, double?> Properties,
    IReadOnlyList<ValidityDetail> DataValidity,
    IReadOnlyList<StructureDetail> DataStructure,
    IReadOnlyList<RelationshipValidityDetail> RelationshipValidity);
