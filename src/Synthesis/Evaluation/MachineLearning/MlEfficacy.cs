using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.Evaluation.MachineLearning;

/// <summary>
/// Machine-learning efficacy: train on synthetic, test on a real holdout, against train on real, test on
/// the same holdout. Real rows are split by a seeded shuffle into training (70%) and holdout (30%); the
/// features are every other non-key column the models learn from (pii, text and id columns are left out).
/// Trainers are ML.NET's SDCA (maximum entropy for a category, least squares for a number) on one
/// thread with a seeded context, so the same seed gives the same figures.
/// </summary>
internal static class MlEfficacy
{
    /// <summary>Training rows per side at most; bigger sides are sampled down (seeded).</summary>
    public const int DefaultMaxTrainingRows = 50_000;

    /// <summary>Categories kept per feature column (most frequent in the real training rows); the rest share one slot.</summary>
    private const int MaxCategories = 50;

    private const double HoldoutShare = 0.3;

    /// <exception cref="ArgumentException">The target is not a column of <paramref name="real"/>, or not a category or number.</exception>
    public static MachineLearningResult Evaluate(
        EvaluationTable real, EvaluationTable synthetic, string targetColumn, int seed, int maxTrainingRows = DefaultMaxTrainingRows) =>
        Evaluate(real, null, synthetic, targetColumn, seed, maxTrainingRows);

    /// <summary>
    /// With <paramref name="heldOut"/> (real rows the fit never saw), both models are tested on them and
    /// <paramref name="real"/> is all training; without, <paramref name="real"/> is split 70/30 and the test rows were
    /// fitted too, which the notes say: the figure then shows utility, not that the clone generalises rather than copies.
    /// </summary>
    public static MachineLearningResult Evaluate(
        EvaluationTable real, EvaluationTable? heldOut, EvaluationTable synthetic, string targetColumn, int seed, int maxTrainingRows = DefaultMaxTrainingRows)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        ArgumentNullException.ThrowIfNull(targetColumn);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTrainingRows, 1);
        var target = real.IndexOf(targetColumn);
        if (target < 0)
            throw new ArgumentException($"Table {real.Name} has no column {targetColumn}; columns: {string.Join(", ", real.Columns.Select(c => c.Name))}.", nameof(targetColumn));
        var sdType = real.Columns[target].SdType;
        var classification = sdType is SdType.Categorical or SdType.Boolean;
        if (!classification && sdType is not (SdType.Numerical or SdType.Datetime))
            throw new ArgumentException($"Column {real.Name}.{targetColumn} is {sdType.ToString().ToLowerInvariant()}; a target must be categorical, boolean, numerical or datetime.", nameof(targetColumn));

        var notes = new List<string>();
        var syntheticTarget = synthetic.IndexOf(targetColumn);
        var realRows = real.Rows.Where(r => Usable(r[target], classification)).ToList();
        if (realRows.Count < real.Rows.Count)
            notes.Add($"{real.Rows.Count - realRows.Count} real row(s) with a NULL target left out.");
        var syntheticRows = syntheticTarget < 0 ? [] : synthetic.Rows.Where(r => Usable(r[syntheticTarget], classification)).ToList();
        if (syntheticTarget < 0) notes.Add($"The synthetic table has no column {targetColumn}; no synthetic model.");
        else if (syntheticRows.Count < synthetic.Rows.Count)
            notes.Add($"{synthetic.Rows.Count - syntheticRows.Count} synthetic row(s) with a NULL target left out.");

        List<object?[]> holdout, realTraining;
        if (heldOut is not null)
        {
            var heldOutTarget = heldOut.IndexOf(targetColumn);
            holdout = heldOutTarget < 0 ? [] : heldOut.Rows.Where(r => Usable(r[heldOutTarget], classification)).ToList();
            realTraining = realRows.Take(maxTrainingRows).ToList();
            notes.Add($"Tested on {holdout.Count} real rows held out of the fit: neither the model nor the clone saw them.");
        }
        else
        {
            // Seeded shuffle, then the first 30% are the holdout.
            var order = Enumerable.Range(0, realRows.Count).ToArray();
            Sampling.For(seed, "ml-split", real.Name).Shuffle(order);
            var holdoutCount = (int)Math.Round(realRows.Count * HoldoutShare, MidpointRounding.AwayFromZero);
            holdout = order[..holdoutCount].Select(i => realRows[i]).ToList();
            realTraining = order[holdoutCount..].Select(i => realRows[i]).Take(maxTrainingRows).ToList();
            if (realRows.Count - holdoutCount > maxTrainingRows)
                notes.Add($"Real training rows sampled down to {maxTrainingRows} of {realRows.Count - holdoutCount}.");
            notes.Add("No holdout: the real test rows were part of the fit, so this shows the clone's utility, not that it generalises rather than copies (clone --holdout 0.2 tests on rows the fit never saw).");
        }
        if (syntheticRows.Count > maxTrainingRows)
        {
            notes.Add($"Synthetic training rows sampled down to {maxTrainingRows} of {syntheticRows.Count}.");
            syntheticRows = Sampling.Pick(syntheticRows, Sampling.Indices(syntheticRows.Count, maxTrainingRows, Sampling.For(seed, "ml-synthetic", real.Name))).ToList();
        }

        var features = Features(real, target, realTraining, notes);
        var realX = realTraining.Select(r => Cells(real, features, r)).ToList();
        var syntheticX = syntheticRows.Select(r => Cells(synthetic, features, r)).ToList();
        var missing = features.Where(f => synthetic.IndexOf(f.Name) < 0).Select(f => f.Name).ToList();
        if (missing.Count > 0) notes.Add($"The synthetic table lacks feature column(s) {string.Join(", ", missing)}; they are NULL in its training rows.");

        MlScores realScores, syntheticScores;
        int holdoutRows;
        if (classification)
        {
            var realY = realTraining.Select(r => Label(r[target])).ToList();
            var seen = realY.ToHashSet(StringComparer.Ordinal);
            var kept = holdout.Where(r => seen.Contains(Label(r[target]))).ToList();
            if (kept.Count < holdout.Count)
                notes.Add($"{holdout.Count - kept.Count} holdout row(s) of a class the real training rows lack were left out of both scores.");
            var holdoutX = kept.Select(r => Cells(real, features, r)).ToList();
            var holdoutY = kept.Select(r => Label(r[target])).ToList();
            holdoutRows = kept.Count;
            realScores = Classify(features, realX, realY, holdoutX, holdoutY, seed, "real", notes);
            syntheticScores = syntheticRows.Count == 0 ? new MlScores(null, null, null)
                : Classify(features, syntheticX, syntheticRows.Select(r => Label(r[syntheticTarget])).ToList(), holdoutX, holdoutY, seed, "synthetic", notes);
        }
        else
        {
            var holdoutX = holdout.Select(r => Cells(real, features, r)).ToList();
            var holdoutY = holdout.Select(r => FeatureEncoder.Number(r[target])).ToList();
            holdoutRows = holdout.Count;
            realScores = Regress(features, realX, realTraining.Select(r => FeatureEncoder.Number(r[target])).ToList(), holdoutX, holdoutY, seed);
            syntheticScores = syntheticRows.Count == 0 ? new MlScores(null, null, null)
                : Regress(features, syntheticX, syntheticRows.Select(r => FeatureEncoder.Number(r[syntheticTarget])).ToList(), holdoutX, holdoutY, seed);
        }

        var metric = classification ? "macroF1" : "rSquared";
        var realMetric = classification ? realScores.MacroF1 : realScores.RSquared;
        var syntheticMetric = classification ? syntheticScores.MacroF1 : syntheticScores.RSquared;
        double? ratio = realMetric is > 0 && syntheticMetric is { } s ? s / realMetric.Value : null;
        if (holdoutRows == 0) notes.Add("No holdout rows: the real table is too small to score on.");
        return new MachineLearningResult(
            real.Name, targetColumn, classification ? "classification" : "regression", metric,
            realTraining.Count, syntheticRows.Count, holdoutRows, features.Select(f => f.Name).ToList(),
            realScores, syntheticScores, ratio, notes);
    }

    private static bool Usable(object? target, bool classification) =>
        classification ? !CellValues.IsNull(target) : !double.IsNaN(FeatureEncoder.Number(target));

    /// <summary>The category's text, the same for 1 and 1.0 and for a date read as text or as a date.</summary>
    private static string Label(object? value) => CellValues.Key(value) switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString() ?? string.Empty,
    };

    private static List<FeatureColumn> Features(EvaluationTable real, int target, IReadOnlyList<object?[]> training, List<string> notes)
    {
        var keys = real.PrimaryKey.ToHashSet(StringComparer.Ordinal);
        var features = new List<FeatureColumn>();
        for (var c = 0; c < real.Columns.Count; c++)
        {
            var column = real.Columns[c];
            if (c == target || keys.Contains(column.Name)) continue;
            switch (column.SdType)
            {
                case SdType.Numerical or SdType.Datetime:
                    if (!CellValues.TryToNumbers(training.Select(r => r[c]).ToList(), out _, out var error))
                    {
                        notes.Add($"Column {column.Name} left out of the features: {error}");
                        continue;
                    }

                    features.Add(new FeatureColumn(column.Name, true, []));
                    break;
                case SdType.Categorical or SdType.Boolean:
                    var vocabulary = training
                        .GroupBy(r => CellValues.Key(r[c]))
                        .OrderByDescending(g => g.Count())
                        .ThenBy(g => g.Key.ToString(), StringComparer.Ordinal)
                        .Take(MaxCategories)
                        .Select(g => g.Key)
                        .ToList();
                    features.Add(new FeatureColumn(column.Name, false, vocabulary));
                    break;
                default:
                    // Ids, pii and free text are generated, never learned: a model must not lean on them.
                    break;
            }
        }

        return features;
    }

    /// <summary>A row's cells in feature order; a column the table lacks is NULL.</summary>
    private static object?[] Cells(EvaluationTable table, IReadOnlyList<FeatureColumn> features, object?[] row)
    {
        var cells = new object?[features.Count];
        for (var f = 0; f < features.Count; f++)
        {
            var i = table.IndexOf(features[f].Name);
            cells[f] = i < 0 ? null : row[i];
        }

        return cells;
    }

    private static SchemaDefinition Schema<T>(int width)
    {
        var schema = SchemaDefinition.Create(typeof(T));
        schema["Features"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return schema;
    }

    private static MlScores Regress(
        IReadOnlyList<FeatureColumn> features, IReadOnlyList<object?[]> x, IReadOnlyList<double> y,
        IReadOnlyList<object?[]> holdoutX, IReadOnlyList<double> holdoutY, int seed)
    {
        if (holdoutX.Count == 0) return new MlScores(null, null, null);
        var encoder = FeatureEncoder.Fit(features, x);

        // The label is standardised too: SDCA converges badly on raw incomes or nanoseconds, and R² does not care.
        var mean = y.Average();
        var deviation = y.Count < 2 ? 1 : Math.Sqrt(y.Sum(v => (v - mean) * (v - mean)) / (y.Count - 1));
        if (!(deviation > 0) || !double.IsFinite(deviation)) deviation = 1;
        var ml = new MLContext(seed);
        var schema = Schema<RegressionRow>(encoder.Width);
        var training = ml.Data.LoadFromEnumerable(
            x.Select((row, i) => new RegressionRow { Features = encoder.Encode(row), Label = (float)((y[i] - mean) / deviation) }).ToList(), schema);
        var trainer = ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { NumberOfThreads = 1, LabelColumnName = "Label", FeatureColumnName = "Features" });
        var model = trainer.Fit(training);
        var test = ml.Data.LoadFromEnumerable(holdoutX.Select(row => new RegressionRow { Features = encoder.Encode(row) }).ToList(), schema);
        var predicted = ml.Data.CreateEnumerable<RegressionPrediction>(model.Transform(test), reuseRowObject: false)
            .Select(p => mean + (p.Score * deviation)).ToList();
        return new MlScores(null, null, RSquared(holdoutY, predicted));
    }

    private static MlScores Classify(
        IReadOnlyList<FeatureColumn> features, IReadOnlyList<object?[]> x, IReadOnlyList<string> y,
        IReadOnlyList<object?[]> holdoutX, IReadOnlyList<string> holdoutY, int seed, string side, List<string> notes)
    {
        if (holdoutX.Count == 0) return new MlScores(null, null, null);
        List<string> predicted;
        var classes = y.Distinct(StringComparer.Ordinal).ToList();
        if (classes.Count < 2)
        {
            // A trainer needs two classes; with one, the only sensible model always says it.
            notes.Add($"The {side} training rows hold a single class ({classes[0]}); its model always predicts it.");
            predicted = holdoutX.Select(_ => classes[0]).ToList();
        }
        else
        {
            var encoder = FeatureEncoder.Fit(features, x);
            var ml = new MLContext(seed);
            var schema = Schema<ClassificationRow>(encoder.Width);
            var training = ml.Data.LoadFromEnumerable(
                x.Select((row, i) => new ClassificationRow { Features = encoder.Encode(row), Label = y[i] }).ToList(), schema);
            var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
                .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
                {
                    NumberOfThreads = 1, LabelColumnName = "Label", FeatureColumnName = "Features",
                }))
                .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabelValue", "PredictedLabel"));
            var model = pipeline.Fit(training);

            // A holdout class this model never saw maps to a missing key; its rows still score, as misses.
            var test = ml.Data.LoadFromEnumerable(holdoutX.Select((row, i) => new ClassificationRow { Features = encoder.Encode(row), Label = holdoutY[i] }).ToList(), schema);
            predicted = ml.Data.CreateEnumerable<ClassificationPrediction>(model.Transform(test), reuseRowObject: false)
                .Select(p => p.PredictedLabelValue).ToList();
        }

        var unseen = holdoutY.Count(label => !classes.Contains(label, StringComparer.Ordinal));
        if (unseen > 0) notes.Add($"{unseen} holdout row(s) have a class the {side} training rows lack; they count as misses for the {side} model.");
        var correct = holdoutY.Where((label, i) => string.Equals(label, predicted[i], StringComparison.Ordinal)).Count();
        return new MlScores((double)correct / holdoutY.Count, MacroF1(holdoutY, predicted), null);
    }

    /// <summary>Unweighted mean of per-class F1 over every class that is true or predicted somewhere (scikit-learn's macro F1).</summary>
    public static double MacroF1(IReadOnlyList<string> truth, IReadOnlyList<string> predicted)
    {
        var labels = truth.Concat(predicted).Distinct(StringComparer.Ordinal).ToList();
        var total = 0.0;
        foreach (var label in labels)
        {
            int tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < truth.Count; i++)
            {
                var isTrue = string.Equals(truth[i], label, StringComparison.Ordinal);
                var isPredicted = string.Equals(predicted[i], label, StringComparison.Ordinal);
                if (isTrue && isPredicted) tp++;
                else if (isPredicted) fp++;
                else if (isTrue) fn++;
            }

            total += 2.0 * tp / ((2.0 * tp) + fp + fn);
        }

        return labels.Count == 0 ? 0 : total / labels.Count;
    }

    /// <summary>1 − SS_res / SS_tot on the holdout; null when the holdout target is constant.</summary>
    public static double? RSquared(IReadOnlyList<double> truth, IReadOnlyList<double> predicted)
    {
        var mean = truth.Average();
        double residual = 0, total = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            residual += (truth[i] - predicted[i]) * (truth[i] - predicted[i]);
            total += (truth[i] - mean) * (truth[i] - mean);
        }

        return total > 0 ? 1 - (residual / total) : null;
    }
}
