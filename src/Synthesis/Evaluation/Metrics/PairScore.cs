namespace Sdv.Connector.Synthesis.Evaluation.Metrics;

/// <summary>
/// A column-pair metric's breakdown. <see cref="Score"/> is NaN when the metric errored or the
/// real association is at or under the threshold; <see cref="MeetsThreshold"/> is null when it errored.
/// </summary>
internal sealed record PairScore(
    double Score,
    double RealCorrelation,
    double SyntheticCorrelation,
    double RealAssociation,
    bool? MeetsThreshold,
    string? Error)
{
    public static PairScore Failed(string error) => new(double.NaN, double.NaN, double.NaN, double.NaN, null, error);
}
