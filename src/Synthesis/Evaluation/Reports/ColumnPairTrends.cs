using Sdv.Connector.Synthesis.Evaluation.Metrics;
using Sdv.Connector.Synthesis.Evaluation.Results;

namespace Sdv.Connector.Synthesis.Evaluation.Reports;

/// <summary>
/// SDMetrics' Column Pair Trends over prepared columns; Intertable Trends runs the same on the
/// child-to-parent join. Both continuous: CorrelationSimilarity on raw values; otherwise
/// ContingencySimilarity, the continuous side binned.
/// </summary>
internal static class ColumnPairTrends
{
    public const string Correlation = "CorrelationSimilarity";
    public const string Contingency = "ContingencySimilarity";

    /// <summary>The breakdown of each pair (indices into the column lists), in the order given.</summary>
    /// <param name="contingencySample">Row indices (real, synthetic) to use for contingency pairs, or null for all rows.</param>
    public static List<(int First, int Second, string Metric, PairScore Score)> Compute(
        IReadOnlyList<PairColumn> real,
        IReadOnlyList<PairColumn> synthetic,
        IEnumerable<(int First, int Second)> pairs,
        EvaluationOptions options,
        (int[] Real, int[] Synthetic)? contingencySample)
    {
        var results = new List<(int, int, string, PairScore)>();
        foreach (var (i, j) in pairs)
        {
            var bothContinuous = real[i].IsContinuous && real[j].IsContinuous;
            var metric = bothContinuous ? Correlation : Contingency;
            var error = real[i].Error ?? real[j].Error ?? synthetic[i].Error ?? synthetic[j].Error;
            if (error is not null)
            {
                results.Add((i, j, metric, PairScore.Failed(error)));
                continue;
            }

            PairScore score;
            if (bothContinuous)
            {
                score = CorrelationSimilarity.Compute(
                    real[i].Numbers, real[j].Numbers, synthetic[i].Numbers, synthetic[j].Numbers, options.CorrelationThreshold);
            }
            else if (contingencySample is { } sample)
            {
                score = ContingencySimilarity.Compute(
                    Sampling.Pick(real[i].Discrete, sample.Real),
                    Sampling.Pick(real[j].Discrete, sample.Real),
                    Sampling.Pick(synthetic[i].Discrete, sample.Synthetic),
                    Sampling.Pick(synthetic[j].Discrete, sample.Synthetic),
                    options.AssociationThreshold);
            }
            else
            {
                score = ContingencySimilarity.Compute(
                    real[i].Discrete, real[j].Discrete, synthetic[i].Discrete, synthetic[j].Discrete, options.AssociationThreshold);
            }

            results.Add((i, j, metric, score));
        }

        return results;
    }

    /// <summary>
    /// SDMetrics' contingency down-sampling: when either side has more than <see cref="EvaluationOptions.MaxRowsPerTable"/>
    /// rows, both sides are sampled down to it (seeded here; SDMetrics' sample is not). Notes what was sampled.
    /// </summary>
    public static (int[] Real, int[] Synthetic)? ContingencySample(
        string table, int realRows, int syntheticRows, EvaluationOptions options, string purpose, List<SamplingNote> notes)
    {
        var limit = options.MaxRowsPerTable;
        if (Math.Max(realRows, syntheticRows) <= limit)
        {
            return null;
        }

        var real = Sampling.Indices(realRows, limit, Sampling.For(options.Seed, purpose + "/real", table));
        var synthetic = Sampling.Indices(syntheticRows, limit, Sampling.For(options.Seed, purpose + "/synthetic", table));
        notes.Add(new SamplingNote(table, "real", purpose, realRows, real.Length));
        notes.Add(new SamplingNote(table, "synthetic", purpose, syntheticRows, synthetic.Length));
        return (real, synthetic);
    }

    /// <summary>Mean of the scores of rows that meet the threshold; NaN rows are left out; NaN when none is left.</summary>
    public static double Property(IEnumerable<PairTrendDetail> details) =>
        Scores.Mean(details.Where(d => d.MeetsThreshold == true).Select(d => d.Score));
}
