namespace Sdv.Connector.Synthesis.Evaluation.Results;

/// <summary>One Column Shapes row: KSComplement or TVComplement of a column; <see cref="Error"/> says why a score is null.</summary>
internal sealed record ColumnShapeDetail(string Table, string Column, string Metric, double? Score, string? Error);
