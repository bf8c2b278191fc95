using Sdv.Connector.Synthesis.Evaluation.MachineLearning;

namespace Sdv.Connector.Synthesis.Evaluation.Results;

/// <summary>
/// Everything <c>evaluate</c> measures, in the stable JSON shape documented in docs/evaluation-json.md.
/// A score that SDMetrics would report as NaN (errored, skipped, nothing to measure) is null.
/// <see cref="Missing"/> lists scored tables and columns the synthetic data lacks (their figures count as 0);
/// <see cref="Sampling"/> says which figures did not use every row.
/// <see cref="MachineLearning"/> is there only when <c>--target-column</c> asked for it.
/// </summary>
internal sealed record EvaluationResult(
    QualityResult Quality,
    DiagnosticResult Diagnostic,
    PrivacyResult Privacy,
    IReadOnlyList<TableSummary> Tables,
    IReadOnlyList<SamplingNote> Sampling,
    IReadOnlyList<MissingDetail> Missing,
    MachineLearningResult? MachineLearning = null);
