using Sdv.Connector.Synthesis.Evaluation;
using Sdv.Connector.Synthesis.Evaluation.Results;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// What <see cref="EvaluateStep"/> measured (<see cref="Result"/>, machine learning included when asked for) and what
/// it was computed from, for the HTML report (<see cref="Output"/>: plotted distributions, children per parent).
/// <see cref="Warnings"/> are plain sentences about the matching, the metadata and the readers.
/// </summary>
internal sealed record EvaluateOutcome(EvaluationResult Result, EvaluationOutput Output, IReadOnlyList<string> Warnings);
