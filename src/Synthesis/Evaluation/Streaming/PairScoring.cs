using Sdv.Connector.Synthesis.Evaluation.Metrics;

namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>
/// Turns both sides' <see cref="PairAccumulator"/>s into SDMetrics' pair breakdowns: CorrelationSimilarity where
/// both columns are continuous, ContingencySimilarity otherwise. A column the synthetic data lacks scores 0 in
/// every pair whose real association counts (reported, not dropped).
/// </summary>
internal static class PairScoring
{
    public const string Correlation = "CorrelationSimilarity";
    public const string Contingency = "ContingencySimilarity";

    /// <param name="errors">Per column, why it cannot be used on either side (unreadable numbers); null when it can.</param>
    /// <param name="missing">Per column, whether the synthetic data lacks it.</param>
    /// <param name="constant">Per column, whether it has exactly one distinct value on the real or on the synthetic side.</param>
    public static List<(int First, int Second, string Metric, PairScore Score)> Score(
        PairPlan plan, PairAccumulator real, PairAccumulator synthetic, IReadOnlyList<string?> errors, IReadOnlyList<bool> missing,
        IReadOnlyList<bool> constant, EvaluationOptions options)
    {
        var results = new List<(int, int, string, PairScore)>();
        for (var p = 0; p < plan.Pairs.Count; p++)
        {
            var (a, b) = plan.Pairs[p];
            var correlation = plan.IsCorrelation(p);
            var metric = correlation ? Correlation : Contingency;
            if ((errors[a] ?? errors[b]) is { } error)
            {
                results.Add((a, b, metric, PairScore.Failed(error)));
                continue;
            }

            PairScore score;
            if (missing[a] || missing[b])
            {
                score = Missing(real, p, correlation, constant[a] || constant[b], plan.Columns[missing[a] ? a : b].Name, options);
            }
            else if (correlation)
            {
                score = CorrelationSimilarity.Compute(real.Moments(p), synthetic.Moments(p), constant[a] || constant[b], options.CorrelationThreshold);
            }
            else
            {
                score = ContingencySimilarity.Compute(real.Counts(p), synthetic.Counts(p), options.AssociationThreshold);
            }

            results.Add((a, b, metric, score));
        }

        return results;
    }

    /// <summary>A pair with a column the synthetic data lacks: 0 where the real association counts, skipped where it does not.</summary>
    private static PairScore Missing(PairAccumulator real, int pair, bool correlation, bool constant, string column, EvaluationOptions options)
    {
        var error = $"Column '{column}' is missing from the synthetic data; the pair counts as 0.";
        if (correlation)
        {
            var moments = real.Moments(pair);
            var r = moments.Pearson();
            if (constant || moments.Count < 2)
            {
                return PairScore.Failed(error);
            }

            var meets = options.CorrelationThreshold <= 0 || (!double.IsNaN(r) && Math.Abs(r) > options.CorrelationThreshold);
            return new PairScore(meets ? 0 : double.NaN, r, double.NaN, double.NaN, meets, meets ? error : null);
        }

        var association = options.AssociationThreshold > 0 ? CramersV.Compute(real.Counts(pair)) : double.NaN;
        var counts = options.AssociationThreshold <= 0 || (!double.IsNaN(association) && association > options.AssociationThreshold);
        return new PairScore(counts ? 0 : double.NaN, double.NaN, double.NaN, association, counts, counts ? error : null);
    }
}
