namespace Sdv.Connector.Synthesis.Evaluation.Results;

/// <summary>
/// Privacy figures: copied rows, distance to closest record against a real holdout, pii and
/// text values that reappear, and rare categories that reappear. <see cref="Warnings"/> says in
/// words what crossed a line.
/// </summary>
internal sealed record PrivacyResult(
    double? ExactMatchRate,
    ExactMatchSummary ExactMatch,
    DcrSummary Dcr,
    LeakSummary<PiiLeakDetail> PiiLeaks,
    LeakSummary<RareCategoryLeakDetail> RareCategoryLeaks,
    IReadOnlyList<string> Warnings);
