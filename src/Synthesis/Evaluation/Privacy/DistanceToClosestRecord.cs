using Sdv.Connector.Synthesis.Evaluation.Reports;
using Sdv.Connector.Synthesis.Evaluation.Results;

namespace Sdv.Connector.Synthesis.Evaluation.Privacy;

/// <summary>
/// Distance to closest record against a real holdout. The real rows (at most twice
/// <see cref="EvaluationOptions.DcrMaxRows"/>, seeded sample) are split in two equal halves,
/// training and holdout (seeded). For each synthetic row (at most <see cref="EvaluationOptions.DcrMaxRows"/>)
/// the distance to the closest training row and to the closest holdout row are compared: data
/// independent of the real rows is closer to training about half the time; a model that copies or
/// hugs its training rows is closer to training more often. Ties count one half.
/// </summary>
/// <remarks>
/// Columns: the non-key numerical, datetime, categorical and boolean ones. Distance per column:
/// |a − b| / (real max − real min), capped at 1, for numbers (0 or 1 when the range is 0);
/// 0 or 1 for categories; both null 0, one null 1. A row's distance is the mean over columns.
/// </remarks>
internal static class DistanceToClosestRecord
{
    public static DcrDetail? Of(TablePair table, ISet<string> keyColumns, EvaluationOptions options, List<SamplingNote> notes)
    {
        var columns = table.Real.Columns
            .Select((c, i) => (Column: c, Index: i))
            .Where(x => PairColumn.IsModelable(x.Column.SdType) && !keyColumns.Contains(x.Column.Name))
            .ToArray();
        var names = columns.Select(x => x.Column.Name).ToArray();
        var synthPositions = table.SyntheticPositions(names);
        if (columns.Length == 0 || synthPositions is null || table.Real.Rows.Count < 2 || table.Synthetic.Rows.Count == 0)
        {
            return null;
        }

        var realRows = Sample(table.Real.Rows, 2 * options.DcrMaxRows, options.Seed, "dcr/real", table.Name, "real", notes);
        var shuffled = Enumerable.Range(0, realRows.Length).ToArray();
        Shuffle(shuffled, Sampling.For(options.Seed, "dcr/split", table.Name));
        var half = realRows.Length / 2;
        var training = shuffled[..half].Select(i => realRows[i]).ToArray();
        var holdoutAll = shuffled[half..].Select(i => realRows[i]).ToArray();
        var holdout = Sample(holdoutAll, options.DcrMaxRows, options.Seed, "dcr/holdout", table.Name, "real holdout", notes);
        var synthetic = Sample(table.Synthetic.Rows, options.DcrMaxRows, options.Seed, "dcr/synthetic", table.Name, "synthetic", notes);

        var realPositions = columns.Select(x => x.Index).ToArray();
        var space = new DistanceSpace(columns.Select(x => x.Column.SdType).ToArray(), realRows, realPositions);
        var trainingPoints = space.Encode(training, realPositions);
        var holdoutPoints = space.Encode(holdoutAll, realPositions);
        var holdoutProbe = space.Encode(holdout, realPositions);
        var syntheticPoints = space.Encode(synthetic, synthPositions);

        var (share, syntheticMedian, holdoutMedian) = Measure(space, trainingPoints, holdoutPoints, syntheticPoints, holdoutProbe);
        return new DcrDetail(
            table.Name,
            names,
            training.Length,
            holdoutAll.Length,
            synthetic.Length,
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

    private static object?[][] Sample(
        IReadOnlyList<object?[]> rows, int max, int seed, string purpose, string table, string side, List<SamplingNote> notes)
    {
        if (rows.Count <= max)
        {
            return rows.ToArray();
        }

        notes.Add(new SamplingNote(table, side, "distance to closest record", rows.Count, max));
        return Sampling.Pick(rows, Sampling.Indices(rows.Count, max, Sampling.For(seed, purpose, table)));
    }

    private static void Shuffle(int[] items, Random random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
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
