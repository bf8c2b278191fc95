using Sdv.Connector.Synthesis.Evaluation.Privacy;

namespace Sdv.Connector.Synthesis.Evaluation;

/// <summary>
/// What an evaluation is asked beyond the figures every run computes: the rows held out of the fit (when the
/// fit held some out), a machine-learning target whose rows to sample, and whether to keep the plotted distributions.
/// </summary>
/// <param name="Holdout">The rule the fit held real rows out by; null when it held none out (DCR is then not computed).</param>
/// <param name="MachineLearningTable">The scored table whose rows machine-learning efficacy samples, or null.</param>
/// <param name="Plots">Keep per-column distributions for the HTML report.</param>
/// <param name="Progress">Told as each table starts and ends, and as the relationships start; null: nothing is told.</param>
internal sealed record EvaluationRequest(HoldoutRule? Holdout = null, string? MachineLearningTable = null, bool Plots = true, Action<EvaluationProgress>? Progress = null);
