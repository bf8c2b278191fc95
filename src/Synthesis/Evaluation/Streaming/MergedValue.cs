namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>
/// One distinct non-null value of a column with its count on each side, as <see cref="ColumnMerge"/> yields
/// them in ascending <see cref="Order"/>. <see cref="Value"/> is a canonical cell holding it (for labels and numbers).
/// </summary>
internal readonly record struct MergedValue(object Order, object Value, long Real, long Synthetic);
