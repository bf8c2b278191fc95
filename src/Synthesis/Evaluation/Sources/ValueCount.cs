namespace Sdv.Connector.Synthesis.Evaluation.Sources;

/// <summary>One distinct cell of a column and how many rows hold it; <see cref="Value"/> is null for the rows without a value.</summary>
internal readonly record struct ValueCount(object? Value, long Count);
