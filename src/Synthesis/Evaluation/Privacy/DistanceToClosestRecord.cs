using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Evaluation.Results;

namespace Sdv.Connector.Synthesis.Evaluation.Privacy;

/// <summary>
/// Distance to closest record against real rows held out of the fit (<see cref="HoldoutRule"/>). For each synthetic
/// row of a seeded sample the distance to the closest real training row and to the closest held-out row (seeded
/// samples of each) are compared: a model that does not copy is closer to training about as often as to the holdout
/// (after allowing for their sizes, which the samples make equal); a model that copies or hugs its training rows is
/// closer to training more often. Ties count one half. Without a holdout this cannot tell copying from fidelity,
/// and is not computed.
/// </summary>
/// <remarks>
/// Columns: the learned ones (numerical, datetime, categorical, boolean; no keys). Distance per column:
/// |a − b| / (real max − real min over every real row), capped at 1, for numbers (0 or 1 when the range is 0);
/// 0 or 1 for categories; both null 0, one null 1. A row's distance is the mean over columns.
/// </remarks>
internal static class DistanceToClosestRecord
{
    /// <summary>The table's figure; null when there is nothing to compare (no column, no held-out row or no synthetic row).</summary>
    public static DcrDetail? Of(
        string table, IReadOnlyList<EvaluationColumn> columns, double[] ranges,
        IReadOnlyList<object?[]> training, IReadOnlyList<object?[]> holdout, IReadOnlyList<object?[]> synthetic,
        (long Training, long Holdout, long Synthetic) rows, EvaluationOptions options)
    {
        if (columns.Count == 0 || training.Count == 0 || holdout.Count == 0 || synthetic.Count == 0)
        {
            return null;
        }

        // Equal sample sizes, so "closer to training" is a fair coin for rows independent of both.
        var size = Math.Min(training.Count, holdout.Count);
        var space = new DistanceSpace(columns.Select(c => c.SdType is SdType.Numerical or SdType.Datetime).ToArray(), ranges);
        var trainingPoints = space.Encode(training.Take(size).ToList());
        var holdoutPoints = space.Encode(holdout.Take(size).ToList());
        var syntheticPoints = space.Encode(synthetic);
        var (share, syntheticMedian, holdoutMedian) = Measure(space, trainingPoints, holdoutPoints, syntheticPoints, holdoutPoints);
        return new DcrDetail(
            table,
            columns.Select(c => c.Name).ToList(),
            rows.Training,
            rows.Holdout,
            rows.Synthetic,
            syntheticMedian,
            holdoutMedian,
            share,
            share > options.DcrWarningShare);
    }

    /// <summary>
    /// The share of synthetic points closer to training than to holdout (ties one half), the median
    /// synthetic-to-training distance, and the median distance of <paramref name="holdoutProbe"/> to training.
    /// </summary>
    public static (double Share, double? SyntheticToTrainingMedian, double? HoldoutToTrainingMedian) Measure(
        DistanceSpace space, double[][] training, double[][] holdout, double[][] synthetic, double[][] holdoutProbe)
    {
        var closer = 0.0;
        var syntheticToTraining = new double[synthetic.Length];
        for (var s = 0; s < synthetic.Length; s++)
        {
            var toTraining = space.Closest(synthetic[s], training);
            var toHoldout = space.Closest(synthetic[s], holdout);
            syntheticToTraining[s] = toTraining;
            closer += toTraining < toHoldout ? 1.0 : toTraining == toHoldout ? 0.5 : 0.0;
        }

        var holdoutToTraining = holdoutProbe.Select(h => space.Closest(h, training)).ToArray();
        var share = synthetic.Length == 0 ? double.NaN : closer / synthetic.Length;
        return (share, Median(syntheticToTraining), Median(holdoutToTraining));
    }

    private static double? Median(double[] values)
    {
        if (values.Length == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
