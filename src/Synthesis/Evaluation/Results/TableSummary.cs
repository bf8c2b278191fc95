namespace Sdv.Connector.Synthesis.Evaluation.Results;

/// <summary>Row counts of one table, real and synthetic (all rows, before any sampling).</summary>
internal sealed record TableSummary(string Table, long RealRows, long SyntheticRows, int Columns);
