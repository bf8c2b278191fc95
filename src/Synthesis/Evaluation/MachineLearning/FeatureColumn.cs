namespace Sdv.Connector.Synthesis.Evaluation.MachineLearning;

/// <summary>
/// One feature column: a number (with a missing indicator) or a category one-hot encoded over
/// <see cref="Vocabulary"/> (category keys as <see cref="CellValues.Key"/> gives them) plus one "other" slot.
/// </summary>
internal sealed record FeatureColumn(string Name, bool Numeric, IReadOnlyList<object> Vocabulary)
{
    /// <summary>Slots this column takes in the feature vector.</summary>
    public int Width => Numeric ? 2 : Vocabulary.Count + 1;
}
