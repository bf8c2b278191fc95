namespace Sdv.Connector.Synthesis.Joint;

/// <summary>
/// A candidate joint model's held-out scores, as SDMetrics' quality report computes them but in the
/// transformed space: column shapes (KS / TV complement), column pair trends (correlation or
/// contingency similarity), and their mean.
/// </summary>
internal sealed record CandidateScore(string Label, double Shapes, double Trends, double Quality);
