namespace Sdv.Connector.Synthesis.Evaluation.Results;

/// <summary>
/// A categorical column: synthetic values that occur fewer than <see cref="K"/> times in the real
/// data (but at least once): how many such categories, and how many synthetic rows carry one.
/// The categories themselves are not listed. <paramref name="PublicRows"/>: rows whose rare value is a country or a
/// courtesy title, which the model draws from public lists (counted apart, not in <paramref name="LeakedRows"/>).
/// </summary>
internal sealed record RareCategoryLeakDetail(string Table, string Column, int K, int Categories, long SyntheticRows, long LeakedRows, double? Rate, long PublicRows = 0);
