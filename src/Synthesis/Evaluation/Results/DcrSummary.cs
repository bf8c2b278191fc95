namespace Sdv.Connector.Synthesis.Evaluation.Results;

/// <summary>
/// Distance to closest record against real rows held out of the fit. <see cref="Status"/> says whether it was
/// measured: without a holdout (<c>clone --holdout</c>) every real row was seen by the model, so the figure could
/// not tell a copy from a good model and is not computed. <see cref="ShareCloserToTraining"/> pools the tables: the
/// share of synthetic rows closer to the real training rows than to the held-out ones; about 0.5 is what a model
/// that does not copy gives, and above <see cref="WarningShare"/> is a warning.
/// </summary>
internal sealed record DcrSummary(
    string Status,
    double? HoldoutFraction,
    double? ShareCloserToTraining,
    double WarningShare,
    bool Warning,
    IReadOnlyList<DcrDetail> Tables)
{
    public const string NoHoldout = "no holdout: DCR cannot detect copying (every real row was fitted); run clone --holdout 0.2 to measure it";
    public const string Measured = "measured against rows held out of the fit";
}
