namespace Sdv.Connector.Synthesis.Evaluation.MachineLearning;

/// <summary>The predicted category, mapped back from its key to its text.</summary>
internal sealed class ClassificationPrediction
{
    public string PredictedLabelValue { get; set; } = string.Empty;
}
