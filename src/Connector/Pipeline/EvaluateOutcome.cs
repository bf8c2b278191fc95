using Sdv.Connector.Synthesis.Evaluation;
using Sdv.Connector.Synthesis.Evaluation.Results;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// What <see cref="EvaluateStep"/> measured, and the bounded samples it measured on (the HTML report
/// draws its plots from them). <see cref="Warnings"/> are plain sentences about the matching.
/// </summary>
internal sealed record EvaluateOutcome(
    EvaluationResult Result,
    EvaluationDataset Real,
    EvaluationDataset Synthetic,
    IReadOnlyList<ChildCountHistogram> ChildCounts,
    IReadOnlyList<string> Warnings);
