using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Sdv.Connector.Connections;
using Sdv.Connector.Failures;
using Sdv.Connector.Pipeline;
using Sdv.Connector.Synthesis.Evaluation;
using Sdv.Connector.Synthesis.Evaluation.Results;
using Sdv.Connector.Synthesis.MultiTable;
using Spectre.Console;

namespace Sdv.Connector.Cli;

/// <summary>`clone --source X --target Y`: introspect, fit and sample in one run.</summary>
internal static class CloneCommand
{
    public static Command Create(CliContext context)
    {
        var source = new EndpointOptions("source", "The database to clone (read only, in a read-only transaction).");
        var target = new EndpointOptions("target", "The database to write the synthetic clone into (empty, or give --replace).");
        var selection = new SelectionOptions();
        var synthesis = new SynthesisCliOptions();
        var maxParallel = new MaxParallelOption();
        var holdout = new HoldoutOptions();
        var model = new ModelArgument("Also save the fitted model to this file, to sample again later without the source.");
        var noEvaluate = new Option<bool>("--no-evaluate") { Description = "Skip the quality summary (SDMetrics-style scores of the clone against the source) printed at the end." };
        var progress = new ProgressOptions();
        var command = new Command("clone", "Make a fully synthetic clone of a database: same schema, statistics, relationships and constraints, no real rows.");
        source.AddTo(command);
        target.AddTo(command);
        selection.AddTo(command);
        synthesis.AddFitOptions(command);
        synthesis.AddSampleOptions(command, withSeed: false);
        maxParallel.AddTo(command);
        holdout.AddTo(command);
        model.AddTo(command);
        synthesis.ModelArgument = model;
        command.Options.Add(noEvaluate);
        progress.AddTo(command);
        command.SetAction((result, cancellationToken) => context.RunAsync(async () =>
        {
            context.BeginProgress(progress.ModeOf(result));
            var from = source.Resolve(result);
            var to = target.Resolve(result);
            if (EndpointIdentity.SameDatabase(from, to))
                throw new FailureException(FailureKind.Refused, $"The target {to.Redacted} is the source {from.Redacted}; a clone never writes into its source. Choose another target.");
            // Read in this order so the first invalid option is the one reported, as before.
            var options = synthesis.ToSynthesisOptions(result);
            var scale = synthesis.ScaleOf(result);
            var parallel = maxParallel.ValueOf(result);
            var rule = holdout.RuleOf(result);
            var request = new CloneRequest(from, to)
            {
                Introspection = selection.ToIntrospectionOptions(result), Metadata = result.GetValue(selection.Metadata), Synthesis = options, Scale = scale,
                Replace = result.GetValue(synthesis.Replace), ModelFile = model.Read(result).File, Evaluate = !result.GetValue(noEvaluate),
                MaxParallel = parallel, Holdout = rule, CopyRoutines = synthesis.CopyRoutines(result), AdjustSchema = s => synthesis.WithReferenceTables(result, s),
            };
            await CloneAsync(context, request, cancellationToken);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Introspects the source, fits the model, writes the clone and, when asked, scores it against the source.</summary>
    internal static async Task<SampleStep.Result> CloneAsync(CliContext context, CloneRequest request, CancellationToken cancellationToken)
    {
        var progress = context.Progress;
        await using var staging = await Csv.CsvStaging.IfCsvAsync(request.From, context.Console, cancellationToken);
        var from = staging?.Endpoint ?? request.From;
        var schema = await ReadSchemaAsync(progress, request, from, cancellationToken);
        await SampleStep.CheckTargetAsync(request.To, request.Replace, cancellationToken);
        var fitted = await FitStep.RunAsync(from, schema, request.Synthesis, progress, request.MaxParallel, request.Holdout, cancellationToken);
        if (Reports.ReferenceTablesLine.Of(fitted) is { } copied) progress.Line(copied);
        foreach (var line in ModelChoices.Lines(fitted)) progress.Line(line);
        if (request.ModelFile is not null) Synthesis.MultiTable.DatabaseModelFile.Save(fitted, request.ModelFile.FullName);
        var to = request.To;
        var written = await SampleStep.RunAsync(fitted, to,
            new SampleSettings(request.Synthesis.Seed, request.Scale, request.MaxParallel) { Replace = request.Replace, CopyRoutines = request.CopyRoutines }, progress, cancellationToken);
        WriteOutcome(context, to.Redacted, written);
        var quality = request.Evaluate && to.Kind == EndpointKind.Database ? await EvaluateAsync(context, request, from, schema, cancellationToken) : null;
        context.Result(OutcomeLine(to.Redacted, written, quality), OutcomeFields(to.Redacted, written, quality));
        return written;
    }

    /// <summary>The source's schema as the fit will see it: introspected, checked against the selection, adjusted, and reported.</summary>
    private static async Task<SchemaIntrospection.Model.DatabaseSchema> ReadSchemaAsync(RunProgress progress, CloneRequest request, DatabaseEndpoint from, CancellationToken cancellationToken)
    {
        var schema = await IntrospectStep.RunAsync(from, request.Introspection, request.Metadata, cancellationToken, progress);
        SubsetCheck.Ensure(schema, request.Introspection);
        if (request.AdjustSchema is not null) schema = request.AdjustSchema(schema);
        progress.Line($"read {schema.Tables.Count} tables and {schema.ForeignKeys.Count()} foreign keys from {from.Redacted}");
        // An empty database still clones, to nothing; but a DBA who named the wrong database should hear it.
        if (schema.Tables.Count == 0) progress.Line($"warning: {from.Redacted} holds no table: the clone is empty. Check the database's name (and --schema on PostgreSQL and SQL Server).");
        return schema;
    }

    /// <summary>Scores the clone against the source and prints the summary.</summary>
    private static async Task<EvaluationResult> EvaluateAsync(CliContext context, CloneRequest request, DatabaseEndpoint from, SchemaIntrospection.Model.DatabaseSchema schema, CancellationToken cancellationToken)
    {
        // The schema the fit used, sdtypes and all: the source is not introspected again.
        var settings = new EvaluateSettings(from, request.To)
        {
            Selection = request.Introspection, RealSchema = schema, Options = new EvaluationOptions { Seed = unchecked((int)request.Synthesis.Seed) }, Holdout = request.Holdout, Plots = false,
            Progress = context.Progress,
        };
        var outcome = await EvaluateStep.RunAsync(settings, cancellationToken);
        Reports.QualityConsoleReport.WriteSummary(context.Console, outcome.Result);
        return outcome.Result;
    }

    /// <summary>The clone's result in one line (--quiet): where, how many tables and rows, and the scores when it was evaluated.</summary>
    internal static string OutcomeLine(string target, SampleStep.Result written, EvaluationResult? quality = null)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"synthetic clone written to {target}: {written.Rows.Count} tables, {written.Rows.Values.Sum().ToString("N0", CultureInfo.InvariantCulture)} rows");
        return quality is null ? line : $"{line}; quality {Reports.ScoreFormat.Score(quality.Quality.Overall)}, diagnostic {Reports.ScoreFormat.Score(quality.Diagnostic.Overall)}";
    }

    /// <summary>The clone's result as fields of the final JSON object: target, rows per table, total, warnings, scores.</summary>
    internal static JsonObject OutcomeFields(string target, SampleStep.Result written, EvaluationResult? quality = null)
    {
        var tables = new JsonObject();
        foreach (var (name, rows) in written.Rows.OrderBy(p => p.Key.ToString(), StringComparer.Ordinal)) tables[name.ToString()] = rows;
        var fields = new JsonObject
        {
            ["target"] = target,
            ["tables"] = tables,
            ["rows"] = written.Rows.Values.Sum(),
            ["warnings"] = new JsonArray([.. written.Warnings.Distinct().Select(w => (JsonNode?)JsonValue.Create(w))]),
        };
        if (quality is not null)
        {
            fields["quality"] = quality.Quality.Overall;
            fields["diagnostic"] = quality.Diagnostic.Overall;
            fields["exact_match_rate"] = quality.Privacy.ExactMatchRate;
        }
        return fields;
    }

    internal static void WriteOutcome(CliContext context, string target, SampleStep.Result written)
    {
        var total = written.Rows.Values.Sum();
        context.Console.MarkupLine(CultureInfo.InvariantCulture, "[green]synthetic clone written[/] to {0}: {1} tables, {2} rows",
            Markup.Escape(target), written.Rows.Count, total.ToString("N0", CultureInfo.InvariantCulture));
        foreach (var warning in written.Warnings.Distinct()) context.Console.MarkupLine("[yellow]warning:[/] {0}", Markup.Escape(warning));
    }
}
