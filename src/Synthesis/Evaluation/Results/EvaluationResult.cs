using Sdv.Connector.Synthesis.Evaluation.MachineLearning;

namespace Sdv.Connector.Synthesis.Evaluation.Results;

/// <summary>
/// Everything <c>evaluate</c> measures, in the stable JSON shape documented in docs/evaluation-json.md.
/// A score that SDMetrics would report as NaN (errored, skipped, nothing to measure) is null.
/// <see cref="MachineLearning"/> is there only when <c>--target-column</c> asked for it.
/// </summary>
internal sealed record EvaluationResult(
    QualityResult Quality,
    DiagnosticResult Diagnostic,
    PrivacyResult Privacy,
    IReadOnlyList<TableSummary> Tables,
    IReadOnlyList<SamplingNote> Sampling,
    MachineLearningResult? MachineLearning = null);
