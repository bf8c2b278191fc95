using Sdv.Connector.Synthesis.Evaluation.MachineLearning;
using Sdv.Connector.Synthesis.Evaluation.Metrics;
using Sdv.Connector.Synthesis.Evaluation.Privacy;
using Sdv.Connector.Synthesis.Evaluation.Reports;
using Sdv.Connector.Synthesis.Evaluation.Results;
using Sdv.Connector.Synthesis.Evaluation.Sources;

namespace Sdv.Connector.Synthesis.Evaluation.Streaming;

/// <summary>
/// The row-level figures of one table from one pass over each side's rows (both sides at once): Column Pair
/// Trends, exact matches on the learned columns and on quasi-identifier combinations, and, when rows were held
/// out of the fit, distance to closest record; plus the machine-learning samples when this table is the target's.
/// </summary>
internal sealed class TableRows
{
    /// <summary>Beyond this many bytes of tuple hashes for a table, all tuples but the learned one wait in temporary files.</summary>
    private const long HashMemoryBytes = 256L << 20;

    /// <summary>Without a holdout, machine learning splits its real sample 70/30 itself: this many real rows give it 50,000 to train on.</summary>
    private const int MachineLearningRealRows = (MlEfficacy.DefaultMaxTrainingRows * 10 / 7) + 1;

    public List<PairTrendDetail> Pairs { get; } = [];

    public List<ExactMatchDetail> ExactMatches { get; } = [];

    public DcrDetail? Dcr { get; private set; }

    /// <summary>Real rows the fit saw and held out, when a holdout was evaluated.</summary>
    public (long Fitted, long HeldOut)? Holdout { get; private set; }

    public MachineLearningSample? MachineLearning { get; private set; }

    /// <summary>The figures of this table that ran on samples (distance to closest record).</summary>
    public List<SamplingNote> Sampling { get; } = [];

    public static async Task<TableRows> RunAsync(TableRowsRequest scoring, IEvaluationSource real, IEvaluationSource synthetic, CancellationToken cancellationToken)
    {
        var (table, tuples, keys, options, request) = scoring;
        var scored = table.Table;
        var rows = new TableRows();
        var modelable = scored.Columns.Where(c => ColumnKinds.IsModelable(c.SdType)).ToList();
        var plan = PlanPairs(modelable);

        // What each side reads: the modelled columns, the tuple columns, and on the real side the holdout key.
        var usable = UsableTuples(table, tuples);
        var learned = tuples.FirstOrDefault(t => t.Kind == TupleSpec.Learned)?.Columns ?? [];
        var holdoutKey = request.Holdout is not null && scored.RowKey is { Count: > 0 } key ? key : null;
        var machineLearning = string.Equals(request.MachineLearningTable, scored.Name, StringComparison.Ordinal)
            ? scored.Columns.Where(c => ColumnKinds.IsModelable(c.SdType) && !keys.Contains(c.Name)).ToList()
            : null;
        var projection = modelable.Select(c => c.Name).Concat(usable.SelectMany(t => t.Columns)).Distinct(StringComparer.Ordinal).ToList();
        var realProjection = projection.Concat(holdoutKey ?? []).Distinct(StringComparer.Ordinal).ToList();

        var realPass = new RowPass(realProjection);
        var syntheticPass = new RowPass(projection);
        var spools = new List<(TupleSpec Tuple, HashSpool Real, HashSpool Synthetic)>();
        try
        {
            PreparePairs(table, plan, realPass, syntheticPass);
            PrepareTuples(table, usable, spools, realPass, syntheticPass);
            if (holdoutKey is not null)
            {
                var rule = request.Holdout!;
                realPass.Holdout = (rule, rule.TableSeed(scored.SourceName ?? scored.Name), holdoutKey.Select(realPass.IndexOf).ToArray());
            }

            var dcr = PrepareDcr(table, realPass, syntheticPass, learned.Where(c => !table.IsMissing(c)).ToList(), holdoutKey is not null, options);
            var ml = machineLearning is null ? ((List<EvaluationColumn> Columns, PriorityReservoir Fitted, PriorityReservoir? HeldOut, PriorityReservoir Synthetic)?)null
                : PrepareMachineLearning(table, realPass, syntheticPass, machineLearning, holdoutKey is not null, options);
            var realRead = realPass.RunAsync(real.RowsAsync(scored.Name, realProjection, cancellationToken), cancellationToken);
            var syntheticRead = table.SyntheticHasTable
                ? syntheticPass.RunAsync(synthetic.RowsAsync(scored.Name, projection, cancellationToken), cancellationToken)
                : Task.CompletedTask;
            await Task.WhenAll(realRead, syntheticRead).ConfigureAwait(false);

            rows.Score(table, plan, realPass, syntheticPass, options);
            rows.CountExactMatches(scored.Name, spools, holdoutKey is not null);
            rows.AddUnmeasured(table, tuples, usable);
            if (holdoutKey is not null)
            {
                rows.Holdout = (realPass.Rows - realPass.HeldOutRows, realPass.HeldOutRows);
            }

            if (dcr is { } d)
            {
                rows.MeasureDcr(scored.Name, d, realPass, syntheticPass, options);
            }

            if (ml is { } m)
            {
                rows.MachineLearning = new MachineLearningSample(
                    Table(scored, m.Columns, m.Fitted.Rows()), m.HeldOut is null ? null : Table(scored, m.Columns, m.HeldOut.Rows()), Table(scored, m.Columns, m.Synthetic.Rows()));
            }
        }
        finally
        {
            foreach (var (_, realSpool, syntheticSpool) in spools)
            {
                realSpool.Dispose();
                syntheticSpool.Dispose();
            }
        }

        return rows;
    }

    /// <summary>Every pair of the modelled columns, each once, in column order.</summary>
    private static PairPlan PlanPairs(List<EvaluationColumn> modelable) =>
        new(
            modelable,
            modelable.Select(c => ColumnKinds.IsContinuous(c.SdType)).ToList(),
            [.. Enumerable.Range(0, modelable.Count).SelectMany(a => Enumerable.Range(a + 1, modelable.Count - a - 1).Select(b => (a, b)))]);

    /// <summary>The tuples as the synthetic side can be matched on: without its missing columns, none at all when it lacks the table.</summary>
    private static List<TupleSpec> UsableTuples(TableEvaluation table, IReadOnlyList<TupleSpec> tuples) =>
        tuples
            .Select(t => t with { Columns = t.Columns.Where(c => !table.IsMissing(c)).ToList() })
            .Where(t => t.Columns.Count > 0 && table.SyntheticHasTable)
            .ToList();

    private void CountExactMatches(string table, List<(TupleSpec Tuple, HashSpool Real, HashSpool Synthetic)> spools, bool holdout)
    {
        foreach (var (tuple, realSpool, syntheticSpool) in spools)
        {
            ExactMatches.Add(TupleMatching.Count(table, tuple, realSpool, syntheticSpool, holdout));
        }
    }

    /// <summary>Distance to closest record over the samples the passes drew, and a note of each sample's size when it was measured.</summary>
    private void MeasureDcr(
        string table, (List<EvaluationColumn> Columns, double[] Ranges, PriorityReservoir Fitted, PriorityReservoir HeldOut, PriorityReservoir Synthetic) dcr,
        RowPass real, RowPass synthetic, EvaluationOptions options)
    {
        var (fittedRows, heldOutRows, syntheticRows) = (dcr.Fitted.Rows(), dcr.HeldOut.Rows(), dcr.Synthetic.Rows());
        Dcr = DistanceToClosestRecord.Of(table, dcr.Columns, dcr.Ranges, fittedRows, heldOutRows, syntheticRows,
            (real.Rows - real.HeldOutRows, real.HeldOutRows, synthetic.Rows), options);
        if (Dcr is null)
        {
            return;
        }

        var size = Math.Min(fittedRows.Count, heldOutRows.Count);
        const string purpose = "distance to closest record (seeded sample; quadratic in rows)";
        Sampling.Add(new SamplingNote(table, "real (fitted)", purpose, real.Rows - real.HeldOutRows, size));
        Sampling.Add(new SamplingNote(table, "real (held out)", purpose, real.HeldOutRows, size));
        Sampling.Add(new SamplingNote(table, "synthetic", purpose, synthetic.Rows, syntheticRows.Count));
    }

    private static EvaluationTable Table(ScoredTable scored, IReadOnlyList<EvaluationColumn> columns, List<object?[]> rows) =>
        new(scored.Name, columns, [], [], rows);

    /// <summary>Each side's pass accumulates the column pairs of <paramref name="plan"/>, binned by that side's own ranges.</summary>
    private static void PreparePairs(TableEvaluation table, PairPlan plan, RowPass real, RowPass synthetic)
    {
        if (plan.Pairs.Count == 0)
        {
            return;
        }

        var outcomes = plan.Columns.Select(c => table.Columns[c.Name]).ToList();
        real.Pairs = (Accumulator(plan, outcomes, o => o.Real), plan.Columns.Select(c => real.IndexOf(c.Name)).ToArray());
        synthetic.Pairs = (Accumulator(plan, outcomes, o => o.Synthetic), plan.Columns.Select(c => synthetic.IndexOf(c.Name)).ToArray());
    }

    /// <summary>
    /// Each side's pass hashes every tuple into a spool of its own, added to <paramref name="spools"/> as it is made
    /// (so that the caller disposes of every one made, whatever fails after).
    /// </summary>
    private static void PrepareTuples(TableEvaluation table, List<TupleSpec> tuples, List<(TupleSpec, HashSpool, HashSpool)> spools, RowPass real, RowPass synthetic)
    {
        var spill = (((table.RealCounts.Rows * 12) + (table.SyntheticCounts.Rows * 8)) * tuples.Count) > HashMemoryBytes;
        foreach (var tuple in tuples)
        {
            // The learned tuple stays in memory; the others spill when the table is big.
            var toDisk = spill && tuple.Kind != TupleSpec.Learned;
            var realSpool = new HashSpool(withChance: true, toDisk, table.RealCounts.Rows);
            var syntheticSpool = new HashSpool(withChance: false, toDisk, table.SyntheticCounts.Rows);
            spools.Add((tuple, realSpool, syntheticSpool));
            var marginals = tuple.Columns.Select(c => table.Columns.TryGetValue(c, out var o) ? o.Marginal : null).ToArray();
            real.Tuples.Add((tuple, tuple.Columns.Select(real.IndexOf).ToArray(), realSpool, marginals));
            synthetic.Tuples.Add((tuple, tuple.Columns.Select(synthetic.IndexOf).ToArray(), syntheticSpool, null));
        }
    }

    private static PairAccumulator Accumulator(PairPlan plan, List<ColumnOutcome> outcomes, Func<ColumnOutcome, SideProfile> side) =>
        new(plan,
            outcomes.Select(o => o.Continuous ? Discretizer.Edges(side(o).Min, side(o).Max) : null).ToArray(),
            outcomes.Select(o => side(o).Distinct + (side(o).Nulls > 0 ? 1 : 0)).ToList());

    private static (List<EvaluationColumn> Columns, double[] Ranges, PriorityReservoir Fitted, PriorityReservoir HeldOut, PriorityReservoir Synthetic)? PrepareDcr(
        TableEvaluation table, RowPass real, RowPass synthetic, List<string> columns, bool holdout, EvaluationOptions options)
    {
        if (!holdout || columns.Count == 0 || !table.SyntheticHasTable)
        {
            return null;
        }

        var scored = columns.Select(c => table.Table.Columns[table.Table.IndexOf(c)]).ToList();
        var ranges = columns.Select(c => table.Columns[c] is { Continuous: true } o ? o.Real.Max - o.Real.Min : double.NaN).ToArray();
        var (fitted, heldOut, sample) = (new PriorityReservoir(options.DcrMaxRows), new PriorityReservoir(options.DcrMaxRows), new PriorityReservoir(options.DcrMaxRows));
        var seed = Seed(options, table.Table.Name, "distance to closest record");
        real.Samples.Add((columns.Select(real.IndexOf).ToArray(), fitted, heldOut, seed));
        synthetic.Samples.Add((columns.Select(synthetic.IndexOf).ToArray(), sample, null, seed));
        return (scored, ranges, fitted, heldOut, sample);
    }

    private static (List<EvaluationColumn> Columns, PriorityReservoir Fitted, PriorityReservoir? HeldOut, PriorityReservoir Synthetic) PrepareMachineLearning(
        TableEvaluation table, RowPass real, RowPass synthetic, List<EvaluationColumn> columns, bool holdout, EvaluationOptions options)
    {
        var fitted = new PriorityReservoir(holdout ? MlEfficacy.DefaultMaxTrainingRows : MachineLearningRealRows);
        var heldOut = holdout ? new PriorityReservoir(MlEfficacy.DefaultMaxTrainingRows) : null;
        var sample = new PriorityReservoir(MlEfficacy.DefaultMaxTrainingRows);
        var seed = Seed(options, table.Table.Name, "machine learning");
        real.Samples.Add((columns.Select(c => real.IndexOf(c.Name)).ToArray(), fitted, heldOut, seed));
        synthetic.Samples.Add((columns.Select(c => synthetic.IndexOf(c.Name)).ToArray(), sample, null, seed));
        return (columns, fitted, heldOut, sample);
    }

    private static long Seed(EvaluationOptions options, string table, string purpose) => unchecked((long)CellHash.Of(table + "\u0001" + purpose, options.Seed));

    private void Score(TableEvaluation table, PairPlan plan, RowPass real, RowPass synthetic, EvaluationOptions options)
    {
        if (real.Pairs is not { } realPairs || synthetic.Pairs is not { } syntheticPairs)
        {
            return;
        }

        var outcomes = plan.Columns.Select(c => table.Columns[c.Name]).ToList();
        var results = PairScoring.Score(
            plan, realPairs.Accumulator, syntheticPairs.Accumulator,
            outcomes.Select(o => o.NumberError).ToList(),
            plan.Columns.Select(c => table.IsMissing(c.Name)).ToList(),
            outcomes.Select(o => o.Real.IsConstant || o.Synthetic.IsConstant).ToList(),
            options);
        Pairs.AddRange(results.Select(r => PairDetails.Of(table.Table.Name, null, null, plan.Columns[r.First].Name, plan.Columns[r.Second].Name, r.Metric, r.Score)));
    }

    /// <summary>Tuples that could not be counted (the synthetic table is missing) are listed with the reason.</summary>
    private void AddUnmeasured(TableEvaluation table, IReadOnlyList<TupleSpec> tuples, List<TupleSpec> usable)
    {
        foreach (var tuple in tuples.Where(t => !usable.Any(u => u.Kind == t.Kind && t.Columns.Intersect(u.Columns).Any() && u.Columns.All(t.Columns.Contains))))
        {
            ExactMatches.Add(new ExactMatchDetail(table.Table.Name, tuple.Kind, tuple.Columns, 0, 0, null, null, null, "The synthetic data lacks the table or every column of the tuple."));
        }
    }
}
