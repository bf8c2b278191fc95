namespace Sdv.Connector.Synthesis.Evaluation.Results;

/// <summary>
/// A pii or text column: how many of its non-null synthetic values are also real values.
/// The values themselves are not listed, so the report leaks nothing.
/// </summary>
internal sealed record PiiLeakDetail(string Table, string Column, string SdType, long SyntheticValues, long Leaked, double? Rate);
