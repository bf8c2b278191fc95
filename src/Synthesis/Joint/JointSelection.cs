namespace Sdv.Connector.Synthesis.Joint;

/// <summary>
/// The record of a choice between joint models (<c>--model auto</c>, <c>--trials</c>): each
/// candidate's scores on held-out rows of the reservoir, and the one kept (refitted on every row).
/// </summary>
/// <param name="Chosen">The label of the candidate kept.</param>
/// <param name="HeldOutRows">Reservoir rows held out to score the candidates (0 when there were too few to compare).</param>
/// <param name="Candidates">Every candidate, in the order fitted.</param>
internal sealed record JointSelection(string Chosen, int HeldOutRows, IReadOnlyList<CandidateScore> Candidates);
