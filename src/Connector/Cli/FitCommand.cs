using System.CommandLine;
using System.Text.Json.Nodes;
using Sdv.Connector.Failures;
using Sdv.Connector.Pipeline;
using Sdv.Connector.Synthesis.MultiTable;
using Spectre.Console;

namespace Sdv.Connector.Cli;

/// <summary>`fit --source X --model m.sdvm`: fits the database model (statistics only) and saves it.</summary>
internal static class FitCommand
{
    public static Command Create(CliContext context)
    {
        var source = new EndpointOptions("source", "The database to learn from (read only, in a read-only transaction).");
        var selection = new SelectionOptions();
        var synthesis = new SynthesisCliOptions();
        var maxParallel = new MaxParallelOption();
        var holdout = new HoldoutOptions();
        var model = new ModelArgument("Where to write the model file (.sdvm), required.");
        var progress = new ProgressOptions();
        var command = new Command("fit", "Fit a model of the whole database (statistics only, no real rows) and save it; sample it later anywhere.");
        source.AddTo(command);
        selection.AddTo(command);
        synthesis.AddFitOptions(command);
        maxParallel.AddTo(command);
        holdout.AddTo(command);
        model.AddTo(command);
        synthesis.ModelArgument = model;
        progress.AddTo(command);
        command.SetAction((result, cancellationToken) => context.RunAsync(async () =>
        {
            context.BeginProgress(progress.ModeOf(result));
            var file = model.Read(result).File
                ?? throw new UserInputException("fit needs a file to write the model to: --model shop.sdvm (a model's name such as --model cart chooses the per-table model, not the file).");
            var endpoint = source.Resolve(result);
            await using var staging = await Csv.CsvStaging.IfCsvAsync(endpoint, context.Console, cancellationToken);
            endpoint = staging?.Endpoint ?? endpoint;
            var options = synthesis.ToSynthesisOptions(result);
            var parallel = maxParallel.ValueOf(result);
            var rule = holdout.RuleOf(result);
            var introspection = selection.ToIntrospectionOptions(result);
            var schema = await IntrospectStep.RunAsync(endpoint, introspection, result.GetValue(selection.Metadata), cancellationToken, context.Progress);
            SubsetCheck.Ensure(schema, introspection);
            schema = synthesis.WithReferenceTables(result, schema);
            var fitted = await FitStep.RunAsync(endpoint, schema, options, context.Progress, parallel, rule, cancellationToken);
            var path = file.FullName;
            DatabaseModelFile.Save(fitted, path);
            var written = $"model of {fitted.Tables.Count} tables written to {path} ({new FileInfo(path).Length / 1024} KiB)";
            context.Console.WriteLine(written);
            if (Reports.ReferenceTablesLine.Of(fitted) is { } copied) context.Console.WriteLine(copied);
            foreach (var line in ModelChoices.Lines(fitted)) context.Console.WriteLine(line);
            foreach (var warning in fitted.Warnings) context.Console.WriteLine($"warning: {warning}");
            var tables = new JsonObject();
            foreach (var entry in fitted.Tables) tables[entry.Table.ToString()] = entry.SourceRows;
            context.Result(written, new JsonObject
            {
                ["model"] = path,
                ["bytes"] = new FileInfo(path).Length,
                ["tables"] = tables,
                ["rows"] = fitted.Tables.Sum(t => t.SourceRows),
                ["warnings"] = new JsonArray([.. fitted.Warnings.Select(w => (JsonNode?)JsonValue.Create(w))]),
            });
            return ExitCodes.Success;
        }));
        return command;
    }
}
