using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Sdv.Connector.Failures;
using Sdv.Connector.Pipeline;
using Sdv.Connector.Reports;
using Sdv.Connector.Synthesis.Evaluation;
using Sdv.Connector.Synthesis.Evaluation.Results;
using Spectre.Console;

namespace Sdv.Connector.Cli;

/// <summary>
/// `evaluate --real X --synthetic Y [--json r.json] [--html r.html] [--fail-under ...] [--target-column t.c]`: SDMetrics' quality
/// and diagnostic reports and privacy checks of a clone against its source, on the console, as JSON
/// and as one self-contained HTML page; gates turn the exit code to 4 for nightly jobs.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create(CliContext context)
    {
        var real = new EndpointOptions("real", "The real database (read-only): a URL, a .db file path, or an ADO.NET string with --real-engine. Its schema is the metadata.");
        var synthetic = new EndpointOptions("synthetic", "The synthetic clone to judge (read-only); tables and columns are matched to the real ones by name, so it may be another engine.");
        var selection = new SelectionOptions();
        var json = new Option<FileInfo?>("--json") { Description = "Write the figures as JSON (shape: docs/evaluation-json.md)." };
        var html = new Option<FileInfo?>("--html") { Description = "Write a self-contained HTML report with plots (no network needed to open it)." };
        var failUnder = new Option<string[]>("--fail-under") { Description = QualityGates.Help, AllowMultipleArgumentsPerToken = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the samples distance to closest record and machine learning run on; the same seed gives the same figures. Every other figure uses every row. Default 0.", DefaultValueFactory = _ => 0 };
        // Kept from when every figure ran on a sample: now it bounds only the figures that still do.
        var maxRows = new Option<int>("--max-rows") { Description = "Rows per table sampled for distance to closest record (quadratic in the rows); every other figure counts every row. Default 2,000.", DefaultValueFactory = _ => 2_000 };
        var holdout = new HoldoutOptions();
        var target = new Option<string?>("--target-column") { Description = "Machine-learning efficacy for table.column: a model trained on synthetic rows against one trained on real rows, both tested on the same real rows (held out of the fit with --holdout; otherwise a split of rows the fit saw, which the report says)." };
        var progress = new ProgressOptions();
        var command = new Command("evaluate", "Compare a synthetic database with the real one: quality, diagnostics and privacy, as SDMetrics defines them.");
        real.AddTo(command);
        synthetic.AddTo(command);
        selection.AddTo(command);
        command.Options.Add(json);
        command.Options.Add(html);
        command.Options.Add(failUnder);
        command.Options.Add(seed);
        command.Options.Add(maxRows);
        holdout.AddTo(command);
        command.Options.Add(target);
        progress.AddTo(command);
        command.SetAction((result, cancellationToken) => context.RunAsync(async () =>
        {
            context.BeginProgress(progress.ModeOf(result));
            var gates = QualityGates.Parse(result.GetValue(failUnder));
            var rows = result.GetValue(maxRows);
            if (rows < 1) throw new UserInputException($"--max-rows must be at least 1 (was {rows}).");
            var options = new EvaluationOptions { Seed = result.GetValue(seed), DcrMaxRows = rows };
            var realEndpoint = real.Resolve(result);
            var syntheticEndpoint = synthetic.Resolve(result);
            var settings = new EvaluateSettings(realEndpoint, syntheticEndpoint)
            {
                Selection = selection.ToIntrospectionOptions(result), MetadataFile = result.GetValue(selection.Metadata), Options = options,
                Holdout = holdout.RuleOf(result), TargetColumn = result.GetValue(target), Plots = result.GetValue(html) is not null,
                Progress = context.Progress,
            };
            var outcome = await EvaluateStep.RunAsync(settings, cancellationToken);

            QualityConsoleReport.Write(context.Console, outcome);
            if (result.GetValue(json) is { } jsonFile)
            {
                await File.WriteAllTextAsync(jsonFile.FullName, EvaluationJson.Serialize(outcome.Result), cancellationToken);
                context.Console.WriteLine($"JSON written to {jsonFile.FullName}");
            }

            if (result.GetValue(html) is { } htmlFile)
            {
                var page = HtmlReport.Render(outcome, realEndpoint.Redacted, syntheticEndpoint.Redacted);
                await File.WriteAllTextAsync(htmlFile.FullName, page, cancellationToken);
                context.Console.WriteLine($"HTML report written to {htmlFile.FullName}");
            }

            var outcomes = QualityGates.Check(outcome.Result, gates);
            foreach (var gate in outcomes)
            {
                context.Console.WriteLine($"gate {gate.Describe()}");
            }

            var failed = outcomes.Where(o => !o.Passed).ToList();
            var fields = ResultFields(outcome.Result, outcomes);
            if (result.GetValue(json) is { } jsonPath) fields["json"] = jsonPath.FullName;
            if (result.GetValue(html) is { } htmlPath) fields["html"] = htmlPath.FullName;
            if (failed.Count == 0)
            {
                context.Result(ResultLine(outcome.Result), fields);
                return ExitCodes.Success;
            }
            var message = $"--fail-under: {failed.Count} gate(s) failed: {string.Join("; ", failed.Select(f => f.Describe()))}";
            await context.Error.WriteLineAsync($"error: {message}");
            fields["error"] = message;
            context.Result(ResultLine(outcome.Result), fields, ExitCodes.GateFailed, "gate-failed");
            return ExitCodes.GateFailed;
        }));
        return command;
    }

    /// <summary>The evaluation in one line (--quiet): the two scores, exact matches and what was compared.</summary>
    private static string ResultLine(EvaluationResult result) => string.Create(CultureInfo.InvariantCulture,
        $"quality {ScoreFormat.Score(result.Quality.Overall)}, diagnostic {ScoreFormat.Score(result.Diagnostic.Overall)}, exact matches {ScoreFormat.Percent(result.Privacy.ExactMatchRate)} "
        + $"({result.Tables.Count} tables, {ScoreFormat.Count(result.Tables.Sum(t => t.RealRows))} real rows, {ScoreFormat.Count(result.Tables.Sum(t => t.SyntheticRows))} synthetic rows)");

    /// <summary>The evaluation's headline figures and gates, as fields of the final JSON object (the whole report is --json's).</summary>
    private static JsonObject ResultFields(EvaluationResult result, IReadOnlyList<GateOutcome> gates) => new()
    {
        ["quality"] = result.Quality.Overall,
        ["diagnostic"] = result.Diagnostic.Overall,
        ["exact_match_rate"] = result.Privacy.ExactMatchRate,
        ["tables"] = result.Tables.Count,
        ["real_rows"] = result.Tables.Sum(t => t.RealRows),
        ["synthetic_rows"] = result.Tables.Sum(t => t.SyntheticRows),
        ["gates"] = new JsonArray([.. gates.Select(g => (JsonNode?)new JsonObject { ["gate"] = g.Describe(), ["passed"] = g.Passed })]),
    };
}
