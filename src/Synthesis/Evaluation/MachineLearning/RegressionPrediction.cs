namespace Sdv.Connector.Synthesis.Evaluation.MachineLearning;

/// <summary>The regression trainer's output column.</summary>
internal sealed class RegressionPrediction
{
    public float Score { get; set; }
}
