namespace Sdv.Connector.Synthesis.Evaluation.Results;

/// <summary>
/// Distance to closest record. <see cref="ShareCloserToTraining"/> pools the tables: the share of
/// synthetic rows closer to the real training half than to the real holdout half; about 0.5 is
/// what independent data gives, and above <see cref="WarningShare"/> is a warning.
/// </summary>
internal sealed record DcrSummary(double? ShareCloserToTraining, double WarningShare, bool Warning, IReadOnlyList<DcrDetail> Tables);
