using System.CommandLine;
using Sdv.Connector.Pipeline;
using Sdv.Connector.Reports;
using Sdv.Connector.Synthesis.Evaluation;
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
        var seed = new Option<int>("--seed") { Description = "Seed of every sample and of the privacy holdout split; the same seed gives the same figures. Default 0.", DefaultValueFactory = _ => 0 };
        var maxRows = new Option<int>("--max-rows") { Description = "Rows per table read into the evaluation; bigger tables are evaluated on a seeded sample, said in the report. Default 50000.", DefaultValueFactory = _ => new EvaluationOptions().MaxRowsPerTable };
        var target = new Option<string?>("--target-column") { Description = "Machine-learning efficacy for table.column: a model trained on synthetic rows against one trained on real rows, both tested on a real holdout (accuracy and F1 for a category, R² for a number)." };
        var command = new Command("evaluate", "Compare a synthetic database with the real one: quality, diagnostics and privacy, as SDMetrics defines them.");
        real.AddTo(command);
        synthetic.AddTo(command);
        selection.AddTo(command);
        command.Options.Add(json);
        command.Options.Add(html);
        command.Options.Add(failUnder);
        command.Options.Add(seed);
        command.Options.Add(maxRows);
        command.Options.Add(target);
        command.SetAction((result, cancellationToken) => context.RunAsync(async () =>
        {
            var gates = QualityGates.Parse(result.GetValue(failUnder));
            var options = new EvaluationOptions { Seed = result.GetValue(seed), MaxRowsPerTable = result.GetValue(maxRows) };
            if (options.MaxRowsPerTable < 1) throw new UserInputException($"--max-rows must be at least 1 (was {options.MaxRowsPerTable}).");
            var realEndpoint = real.Resolve(result);
            var syntheticEndpoint = synthetic.Resolve(result);
            var outcome = await EvaluateStep.RunAsync(
                realEndpoint, syntheticEndpoint, selection.ToIntrospectionOptions(result), result.GetValue(selection.Metadata), options, cancellationToken).ConfigureAwait(false);
            if (result.GetValue(target) is { } targetColumn)
                outcome = MachineLearningStep.Run(outcome, targetColumn, options.Seed);

            QualityConsoleReport.Write(context.Console, outcome);
            if (result.GetValue(json) is { } jsonFile)
            {
                await File.WriteAllTextAsync(jsonFile.FullName, EvaluationJson.Serialize(outcome.Result), cancellationToken).ConfigureAwait(false);
                context.Console.WriteLine($"JSON written to {jsonFile.FullName}");
            }

            if (result.GetValue(html) is { } htmlFile)
            {
                var page = HtmlReport.Render(outcome, realEndpoint.Redacted, syntheticEndpoint.Redacted);
                await File.WriteAllTextAsync(htmlFile.FullName, page, cancellationToken).ConfigureAwait(false);
                context.Console.WriteLine($"HTML report written to {htmlFile.FullName}");
            }

            var outcomes = QualityGates.Check(outcome.Result, gates);
            foreach (var gate in outcomes)
            {
                context.Console.WriteLine($"gate {gate.Describe()}");
            }

            var failed = outcomes.Where(o => !o.Passed).ToList();
            if (failed.Count == 0) return ExitCodes.Success;
            await context.Error.WriteLineAsync($"error: --fail-under: {failed.Count} gate(s) failed: {string.Join("; ", failed.Select(f => f.Describe()))}").ConfigureAwait(false);
            return ExitCodes.GateFailed;
        }));
        return command;
    }
}
