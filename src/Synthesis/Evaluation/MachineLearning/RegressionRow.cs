namespace Sdv.Connector.Synthesis.Evaluation.MachineLearning;

/// <summary>One row as ML.NET reads it for regression; the vector size is set at run time through a SchemaDefinition.</summary>
internal sealed class RegressionRow
{
#pragma warning disable CA1819 // ML.NET binds a vector column to an array property.
    public float[] Features { get; set; } = [];
#pragma warning restore CA1819

    public float Label { get; set; }
}
