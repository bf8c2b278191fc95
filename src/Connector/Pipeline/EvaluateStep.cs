using System.Collections.Concurrent;
using System.Diagnostics;
using Sdv.Connector.Connections;
using Sdv.Connector.Engines;
using Sdv.Connector.Failures;
using Sdv.Connector.Pipeline.Evaluation;
using Sdv.Connector.Progress;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Evaluation;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// Compares a synthetic database with the real one, on every row of both, with the aggregates run by the databases:
/// decide what is scored (the real database's introspection, or a metadata file), find each scored table in the
/// clone, open both sides read-only, let the <see cref="Evaluator"/> ask them for counts, sorted value counts,
/// projections and joins, then add machine-learning efficacy when asked for.
/// </summary>
internal static class EvaluateStep
{
    public static Task<EvaluateOutcome> RunAsync(
        DatabaseEndpoint real, DatabaseEndpoint synthetic, IntrospectionOptions selection, FileInfo? metadataFile,
        EvaluationOptions options, CancellationToken cancellationToken) =>
        RunAsync(new EvaluateSettings(real, synthetic) { Selection = selection, MetadataFile = metadataFile, Options = options }, cancellationToken);

    /// <param name="scope">Where the clone lives when <paramref name="synthetic"/> holds more than the clone (a nightly
    /// run's staging); null: the whole of <paramref name="synthetic"/> is the clone.</param>
    public static Task<EvaluateOutcome> RunAsync(
        DatabaseEndpoint real, DatabaseEndpoint synthetic, SyntheticScope? scope, IntrospectionOptions selection, FileInfo? metadataFile,
        EvaluationOptions options, CancellationToken cancellationToken) =>
        RunAsync(new EvaluateSettings(real, synthetic) { Scope = scope, Selection = selection, MetadataFile = metadataFile, Options = options }, cancellationToken);

    public static async Task<EvaluateOutcome> RunAsync(EvaluateSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Check(settings);
        var warnings = new List<string>();
        var (realSchema, scored) = await ScoredAsync(settings, cancellationToken);
        warnings.AddRange(scored.Warnings);
        var syntheticTables = await SyntheticTablesAsync(settings, realSchema, scored, warnings, cancellationToken);
        var target = settings.TargetColumn is { } column ? MachineLearningStep.Resolve(scored.Metadata, column) : default((string Table, string Column)?);
        var request = new EvaluationRequest(settings.Holdout, target?.Table, settings.Plots, Progress(settings.Progress));
        settings.Progress?.Phase(Phases.Evaluate, scored.Metadata.Tables.Count);

        var sessions = Math.Min(settings.Options.MaxParallel, Math.Max(1, scored.Metadata.Tables.Count));
        await using var real = await DatabaseEvaluationSource.OpenAsync(settings.Real, scored.RealTables, "real", cancellationToken, sessions);
        await using var synthetic = await DatabaseEvaluationSource.OpenAsync(settings.Synthetic, syntheticTables, "synthetic", cancellationToken, sessions);
        var output = await Evaluator.EvaluateAsync(scored.Metadata, real, synthetic, settings.Options, request, cancellationToken);
        var result = target is { } t ? MachineLearningStep.Run(output, t, settings.Options.Seed) : output.Result;
        warnings.AddRange(output.Notes);
        warnings.AddRange(real.ReaderWarnings.Concat(synthetic.ReaderWarnings).Distinct().Order(StringComparer.Ordinal));
        return new EvaluateOutcome(result, output, warnings);
    }

    /// <summary>The evaluator's steps as progress events: each table started and done (its real rows), then the relationships.</summary>
    private static Action<EvaluationProgress>? Progress(RunProgress? progress)
    {
        if (progress is null) return null;
        // Tables are evaluated several at once: the callback comes from their threads.
        var started = new ConcurrentDictionary<string, Stopwatch>(StringComparer.Ordinal);
        return step =>
        {
            if (step.Table is not { } table)
            {
                progress.Step(Phases.Evaluate, "relationships");
                return;
            }
            var name = new QualifiedName(null, table);
            if (!step.Finished)
            {
                started[table] = Stopwatch.StartNew();
                progress.Table(Phases.Evaluate, name, null);
                return;
            }
            progress.TableDone(Phases.Evaluate, step.Done, step.Total, name, step.RealRows, started.TryRemove(table, out var watch) ? watch.Elapsed : TimeSpan.Zero);
        };
    }

    private static void Check(EvaluateSettings settings)
    {
        try
        {
            settings.Options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UserInputException(e.Message, e);
        }

        OpenDatabase.RequireFile(settings.Real, "--real");
        OpenDatabase.RequireFile(settings.Synthetic, "--synthetic");
        if (settings.MetadataFile is { Exists: false } file)
            throw new UserInputException($"--metadata: the file {file.FullName} does not exist.");
    }

    /// <summary>The real schema and what is scored: the metadata file's word when there is one, the introspection's otherwise.</summary>
    private static async Task<(DatabaseSchema Schema, ScoredMetadata Scored)> ScoredAsync(EvaluateSettings settings, CancellationToken cancellationToken)
    {
        var schema = settings.RealSchema ?? await IntrospectStep.RunAsync(settings.Real, settings.Selection, null, cancellationToken, settings.Progress);
        if (settings.MetadataFile is not { } file)
            return (schema, ScoredMetadata.FromSchema(schema));
        var json = await File.ReadAllTextAsync(file.FullName, cancellationToken);
        try
        {
            return (schema, ScoredMetadata.FromFile(schema, json, file.Name));
        }
        catch (SdvMetadataException e)
        {
            throw new UserInputException(e.Message, e);
        }
    }

    /// <summary>Each scored table's clone, matched by name (another engine may fold case or name schemas apart); missing ones are left out.</summary>
    private static async Task<Dictionary<string, SourceTable>> SyntheticTablesAsync(
        EvaluateSettings settings, DatabaseSchema realSchema, ScoredMetadata scored, List<string> warnings, CancellationToken cancellationToken)
    {
        // Only names and types are needed from the clone (the metadata is the real side's), so no profiling.
        var scope = settings.Scope;
        var options = scope is { Schemas.Count: > 0 } ? new IntrospectionOptions { Schemas = scope.Schemas } : IntrospectionOptions.Default;
        DatabaseSchema syntheticSchema;
        await using (var connection = await OpenDatabase.SourceAsync(settings.Synthetic, cancellationToken))
        {
            syntheticSchema = await OpenDatabase.Adapter(settings.Synthetic).Introspector.IntrospectAsync(connection, options, cancellationToken);
        }

        var matches = TableMatcher.Match(realSchema, syntheticSchema, warnings, scope?.LiveSchema).ToDictionary(m => m.Key, StringComparer.Ordinal);
        var tables = new Dictionary<string, SourceTable>(StringComparer.Ordinal);
        foreach (var table in scored.Metadata.Tables)
        {
            if (!matches.TryGetValue(table.Name, out var match) || match.Synthetic is not { } clone) continue;
            var columns = new Dictionary<string, ColumnSchema>(StringComparer.Ordinal);
            foreach (var column in table.Columns)
            {
                var position = match.Columns[match.Real.Columns.ToList().FindIndex(c => c.Name == column.Name)];
                if (position >= 0) columns[column.Name] = clone.Columns[position];
            }

            tables[table.Name] = new SourceTable(clone, columns);
        }

        return tables;
    }
}
