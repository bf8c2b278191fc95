namespace Sdv.Connector.Synthesis.Evaluation.Results;

/// <summary>
/// Exact matches of one table over the listed columns: synthetic rows whose tuple equals some real row's
/// (every row of both sides compared, by 64-bit hashes), against two baselines: <see cref="ChanceRate"/>, the share of
/// rows drawn column by column from the real marginals that would equal some real row (columns independent), and
/// <see cref="NewRowRate"/>, the share of new rows from the source itself that would (Good–Turing: 1 − tuples seen once /
/// rows), which is what a model that learned the source without copying it gives. <see cref="Kind"/> is
/// <c>learned</c> (the columns the model learns: no keys, pii or text) or <c>quasi-identifiers</c>.
/// With rows held out of the fit, <see cref="FittedRate"/> is the share of synthetic rows equal to a row the model was
/// fitted on and <see cref="HeldOutRate"/> the share of held-out real rows equal to one: what data the model never saw
/// gives. A synthetic rate well above it is copying. <see cref="Error"/> says why nothing was measured.
/// </summary>
internal sealed record ExactMatchDetail(
    string Table,
    string Kind,
    IReadOnlyList<string> Columns,
    long SyntheticRows,
    long Matches,
    double? Rate,
    double? ChanceRate,
    double? NewRowRate,
    string? Error = null,
    double? FittedRate = null,
    double? HeldOutRate = null)
{
    /// <summary>Whether <see cref="Rate"/> is well above both baselines (see <see cref="ExactMatchSummary.IsWellAbove"/>).</summary>
    public bool AboveChance => ExactMatchSummary.IsWellAbove(Rate, ChanceRate, NewRowRate);
}
