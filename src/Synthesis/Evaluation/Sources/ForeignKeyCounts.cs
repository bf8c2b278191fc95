namespace Sdv.Connector.Synthesis.Evaluation.Sources;

/// <summary>
/// A relationship seen from one side's child table: its rows, those whose foreign key has a NULL part,
/// and those whose (complete) foreign key matches a row of the parent table.
/// </summary>
internal readonly record struct ForeignKeyCounts(long Rows, long NullRows, long Matched);
