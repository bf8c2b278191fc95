namespace Sdv.Connector.Synthesis.Evaluation.MachineLearning;

/// <summary>
/// How well one model predicts the real holdout: accuracy and macro F1 for a category, R² for a number
/// (the other figures null). Null throughout when the model could not be trained (no training rows).
/// </summary>
internal sealed record MlScores(double? Accuracy, double? MacroF1, double? RSquared);
