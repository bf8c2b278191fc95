using Sdv.Connector.Synthesis.Evaluation.Results;
using Sdv.Connector.Synthesis.Evaluation.Streaming;

namespace Sdv.Connector.Synthesis.Evaluation;

/// <summary>
/// The figures of an evaluation and what they were computed from, for the reports: per table the column passes
/// (plotted distributions) and the row-level results (machine-learning samples), per relationship the children
/// per parent counted by each side. <see cref="Notes"/> are plain sentences on how a figure was computed where the
/// sources' order could not be used as it was.
/// </summary>
internal sealed record EvaluationOutput(
    EvaluationResult Result,
    IReadOnlyList<TableEvaluation> Tables,
    IReadOnlyList<RelationshipEvaluation> Relationships,
    IReadOnlyList<string> Notes);
