namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>
/// The column pairs one pass over rows measures (within a table, or across a relationship's join): which
/// columns the rows carry, in order, whether each is continuous, and the pairs (indices into the columns).
/// Both continuous: correlation; otherwise contingency, the continuous side binned.
/// </summary>
internal sealed record PairPlan(IReadOnlyList<EvaluationColumn> Columns, IReadOnlyList<bool> Continuous, IReadOnlyList<(int First, int Second)> Pairs)
{
    public bool IsCorrelation(int pair) => Continuous[Pairs[pair].First] && Continuous[Pairs[pair].Second];
}
