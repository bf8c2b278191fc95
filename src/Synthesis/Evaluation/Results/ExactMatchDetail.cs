namespace Sdv.Connector.Synthesis.Evaluation.Results;

/// <summary>Exact matches of one table, over the listed (non-key) columns; a table with none of them is skipped.</summary>
internal sealed record ExactMatchDetail(string Table, IReadOnlyList<string> Columns, long SyntheticRows, long Matches, double? Rate);
