namespace Sdv.Connector.Synthesis.Evaluation.MachineLearning;

/// <summary>
/// Bounded seeded samples of the machine-learning table, drawn during the evaluation's pass over its rows: real rows
/// the fit saw (or all real rows, when nothing was held out), real rows held out of the fit (null without a holdout),
/// and synthetic rows.
/// </summary>
internal sealed record MachineLearningSample(EvaluationTable RealFitted, EvaluationTable? RealHeldOut, EvaluationTable Synthetic);
