namespace Sdv.Connector.Synthesis.Evaluation.Sources;

/// <summary>
/// One row of a projection and how many rows it stands for (1 for a plain read, more where the source
/// grouped equal rows). <see cref="Cells"/> may be reused by the source for the next row: copy what you keep.
/// </summary>
internal readonly record struct WeightedRow(object?[] Cells, long Count);
