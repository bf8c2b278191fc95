namespace Sdv.Connector.Synthesis.Evaluation.MachineLearning;

/// <summary>
/// Machine-learning efficacy of one target column: a model trained on synthetic rows against one trained
/// on real rows, both scored on the same real holdout that neither saw.
/// </summary>
/// <param name="Table">The table of the target.</param>
/// <param name="Target">The target column.</param>
/// <param name="Task"><c>classification</c> (categorical or boolean target) or <c>regression</c> (numerical or datetime).</param>
/// <param name="Metric">The figure <see cref="Ratio"/> compares: <c>macroF1</c> or <c>rSquared</c>.</param>
/// <param name="RealTrainingRows">Real rows the real model was trained on (70% of the usable real rows, at most 50,000).</param>
/// <param name="SyntheticTrainingRows">Synthetic rows the synthetic model was trained on (at most 50,000).</param>
/// <param name="HoldoutRows">Real rows both models were scored on.</param>
/// <param name="Features">The feature columns, in table order.</param>
/// <param name="Real">Scores of the model trained on real rows.</param>
/// <param name="Synthetic">Scores of the model trained on synthetic rows.</param>
/// <param name="Ratio">Synthetic metric over real metric; 1 means the clone trains as good a model. Null when the real metric is not positive.</param>
/// <param name="Notes">Plain sentences on what was dropped or could not be done.</param>
internal sealed record MachineLearningResult(
    string Table,
    string Target,
    string Task,
    string Metric,
    int RealTrainingRows,
    int SyntheticTrainingRows,
    int HoldoutRows,
    IReadOnlyList<string> Features,
    MlScores Real,
    MlScores Synthetic,
    double? Ratio,
    IReadOnlyList<string> Notes);
