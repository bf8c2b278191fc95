using Sdv.Connector.Synthesis.Evaluation.Privacy;

namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>What <see cref="TableRows.RunAsync"/> scores over one table's rows, and how.</summary>
/// <param name="Table">The table's evaluation so far (its columns, counts and what the synthetic side lacks).</param>
/// <param name="Tuples">The learned columns as one tuple, then the quasi-identifier combinations, checked for exact matches.</param>
/// <param name="Keys">The table's key columns (never learned, never a machine-learning feature).</param>
/// <param name="Options">The evaluation's thresholds and sample sizes.</param>
/// <param name="Request">What the caller asked for beyond the figures (holdout, machine-learning table).</param>
internal sealed record TableRowsRequest(TableEvaluation Table, IReadOnlyList<TupleSpec> Tuples, ISet<string> Keys, EvaluationOptions Options, EvaluationRequest Request);
