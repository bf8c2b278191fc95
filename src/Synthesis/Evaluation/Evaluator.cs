using Sdv.Connector.Synthesis.Evaluation.Privacy;
using Sdv.Connector.Synthesis.Evaluation.Reports;
using Sdv.Connector.Synthesis.Evaluation.Results;
using Sdv.Connector.Synthesis.Evaluation.Sources;
using Sdv.Connector.Synthesis.Evaluation.Streaming;

namespace Sdv.Connector.Synthesis.Evaluation;

/// <summary>
/// Compares synthetic data with the real data: SDMetrics' quality and diagnostic reports and privacy checks, on
/// every row of both sides. Takes the metadata that says what is scored and two <see cref="IEvaluationSource"/>s
/// (databases, or rows in memory) that compute the aggregates; holds one value per column side and the tuple
/// hashes of one table at a time, not the tables.
/// </summary>
internal static class Evaluator
{
    /// <summary>Rows held in memory (tests, small data): the real dataset carries the metadata.</summary>
    /// <exception cref="ArgumentException">Invalid options, or metadata that names tables or columns the real data lacks.</exception>
    public static EvaluationResult Evaluate(EvaluationDataset real, EvaluationDataset synthetic, EvaluationOptions? options = null, EvaluationRequest? request = null)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);

        // The in-memory sources complete synchronously, so waiting here blocks nothing.
        return EvaluateAsync(real.Metadata(), new InMemorySource(real), new InMemorySource(synthetic), options ?? new EvaluationOptions(),
            request ?? new EvaluationRequest(Plots: false), CancellationToken.None).GetAwaiter().GetResult().Result;
    }

    /// <exception cref="ArgumentException">Invalid options, or metadata whose relationships name what it lacks.</exception>
    public static async Task<EvaluationOutput> EvaluateAsync(
        EvaluationMetadata metadata, IEvaluationSource real, IEvaluationSource synthetic, EvaluationOptions options, EvaluationRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(request);
        options.Validate();
        metadata.Validate();
        // Tables at once, each result in its table's place, so the figures and their order do not depend on which ends first.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallel, CancellationToken = cancellationToken };
        var evaluated = new TableEvaluation[metadata.Tables.Count];
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, evaluated.Length), parallel, async (i, token) =>
        {
            var table = metadata.Tables[i];
            request.Progress?.Invoke(new EvaluationProgress(table.Name, Volatile.Read(ref done), evaluated.Length, 0, false));
            evaluated[i] = await TableEvaluation.RunAsync(table, metadata, real, synthetic, options, request, token).ConfigureAwait(false);
            request.Progress?.Invoke(new EvaluationProgress(table.Name, Interlocked.Increment(ref done), evaluated.Length, evaluated[i].RealCounts.Rows, true));
        }).ConfigureAwait(false);
        var tables = evaluated.ToList();

        var relationships = new List<RelationshipEvaluation>();
        if (metadata.Tables.Count > 1)
        {
            request.Progress?.Invoke(new EvaluationProgress(null, tables.Count, metadata.Tables.Count, 0, false));
            var related = new RelationshipEvaluation[metadata.Relationships.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, related.Length), parallel, async (i, token) =>
                related[i] = await RelationshipEvaluation.RunAsync(metadata.Relationships[i], tables, real, synthetic, options, token).ConfigureAwait(false))
                .ConfigureAwait(false);
            relationships.AddRange(related);
        }

        var quality = QualityReport.Compute(tables, relationships);
        var diagnostic = DiagnosticReport.Compute(tables, relationships);
        var privacy = PrivacyEvaluation.Compute(tables, options, request);
        var summaries = tables
            .Select(t => new TableSummary(t.Table.Name, t.RealCounts.Rows, t.SyntheticCounts.Rows, t.Table.Columns.Count))
            .ToList();
        var sampling = tables.SelectMany(t => t.Rows?.Sampling ?? []).Concat(Approximations(tables)).ToList();
        var missing = tables.SelectMany(t => t.Missing).ToList();
        var result = new EvaluationResult(quality, diagnostic, privacy, summaries, sampling, missing);
        var notes = tables.SelectMany(t => t.Notes).Concat(relationships.SelectMany(r => r.Notes)).ToList();
        return new EvaluationOutput(result, tables, relationships, notes);
    }

    /// <summary>What is still approximate beyond the samples: chance baselines whose value counts were too many to keep.</summary>
    private static IEnumerable<SamplingNote> Approximations(IReadOnlyList<TableEvaluation> tables) =>
        tables.SelectMany(t => t.Columns
            .Where(c => c.Value.Marginal?.IsApproximate == true)
            .Select(c => new SamplingNote(t.Table.Name, "real",
                $"chance baseline of exact matches: {c.Key} has more than {MarginalCounts.MaxValues} distinct values; the others are taken as average", c.Value.Real.Values, MarginalCounts.MaxValues)));
}
