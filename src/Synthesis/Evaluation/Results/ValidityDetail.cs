namespace Sdv.Connector.Synthesis.Evaluation.Results;

/// <summary>One Data Validity row: BoundaryAdherence, CategoryAdherence or KeyUniqueness (several columns for a composite key).</summary>
internal sealed record ValidityDetail(string Table, IReadOnlyList<string> Columns, string Metric, double? Score, string? Error);
