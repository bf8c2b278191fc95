namespace Sdv.Connector.Synthesis.Evaluation.Results;

/// <summary>Leaks pooled over columns: <see cref="Leaks"/> of <see cref="Checked"/> synthetic values, and per column.</summary>
internal sealed record LeakSummary<TDetail>(long Leaks, long Checked, double? Rate, IReadOnlyList<TDetail> Columns);
