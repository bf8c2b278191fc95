namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>What <see cref="ColumnPass"/> measures of one column: its totals (from the table counts) and which extras to keep.</summary>
/// <param name="Table">The scored table.</param>
/// <param name="Column">The scored column.</param>
/// <param name="RealValues">Real rows with a value (COUNT(column)).</param>
/// <param name="SyntheticValues">Synthetic rows with a value.</param>
/// <param name="RareK">A real category seen fewer times than this is rare.</param>
/// <param name="Marginal">Keep the real count of every value (for the chance baseline of exact matches).</param>
/// <param name="Plot">Keep the plotted distributions.</param>
internal sealed record ColumnRequest(string Table, EvaluationColumn Column, long RealValues, long SyntheticValues, int RareK, bool Marginal, bool Plot);
