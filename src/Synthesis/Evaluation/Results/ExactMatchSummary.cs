namespace Sdv.Connector.Synthesis.Evaluation.Results;

/// <summary>Synthetic rows equal to some real row on every non-key column, pooled over tables and per table.</summary>
internal sealed record ExactMatchSummary(double? Rate, long Matches, long SyntheticRows, IReadOnlyList<ExactMatchDetail> Tables);
