namespace Sdv.Connector.Synthesis.Evaluation.Results;

/// <summary>
/// A pii or text column: how many of its non-null synthetic values are also real values.
/// The values themselves are not listed, so the report leaks nothing.
/// </summary>
/// <param name="Leaked">Synthetic values that are real values of the column.</param>
/// <param name="Kind">The kind of personal data (snake_case: first_name, email, ...); null for free text or an unknown kind.</param>
/// <param name="RareLeaked">Of <paramref name="Leaked"/>, those whose real value is seen fewer than <paramref name="K"/> times in
/// the real data: the ones that could point at one person (a value many real rows share is hit by chance).</param>
/// <param name="K">The rare-value threshold (EvaluationOptions.RareCategoryK).</param>
internal sealed record PiiLeakDetail(string Table, string Column, string SdType, long SyntheticValues, long Leaked, double? Rate, string? Kind = null, long RareLeaked = 0, int K = 0);
