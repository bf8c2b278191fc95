namespace Sdv.Connector.Synthesis.Evaluation.Results;

/// <summary>
/// Says that a metric ran on a seeded sample, not on every row: which table and side
/// ("real", "synthetic"), what for, and how many rows were used out of how many.
/// </summary>
internal sealed record SamplingNote(string Table, string Side, string Purpose, long Rows, long RowsUsed);
