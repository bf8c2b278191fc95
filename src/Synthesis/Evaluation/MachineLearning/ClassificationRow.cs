namespace Sdv.Connector.Synthesis.Evaluation.MachineLearning;

/// <summary>One row as ML.NET reads it for classification; the label is the category's text, mapped to a key by the pipeline.</summary>
internal sealed class ClassificationRow
{
#pragma warning disable CA1819 // ML.NET binds a vector column to an array property.
    public float[] Features { get; set; } = [];
#pragma warning restore CA1819

    public string Label { get; set; } = string.Empty;
}
