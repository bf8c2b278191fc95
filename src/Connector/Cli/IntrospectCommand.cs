using System.CommandLine;
using Sdv.Connector.Pipeline;
using Sdv.Connector.Reports;
using Sdv.Connector.SchemaIntrospection.Graph;
using Sdv.Connector.SchemaIntrospection.Metadata;
using Sdv.Connector.Synthesis.MultiTable;
using Spectre.Console;

namespace Sdv.Connector.Cli;

/// <summary>`introspect --source X [--out metadata.json]`: a summary of the schema; with --out, also the schema as metadata files.</summary>
internal static class IntrospectCommand
{
    public static Command Create(CliContext context)
    {
        var source = new EndpointOptions("source", "The database to read: a URL, a .db file path, or an ADO.NET string with --source-engine.");
        var selection = new SelectionOptions();
        var output = new Option<FileInfo?>("--out") { Description = "Where to write the metadata JSON (SDV MULTI_TABLE_V1, as SDV reads it); our extras go beside it in NAME.sdv-connector.json. Without --out only the summary is printed and no file is written." };
        var explain = new Option<bool>("--explain") { Description = "Print, for every column, the rule that chose its sdtype and the evidence (rows sampled, NULL share, distinct values)." };
        var command = new Command("introspect", "Read a database's schema into metadata (tables, keys, relationships, sdtypes) and print a summary.");
        source.AddTo(command);
        selection.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(explain);
        command.SetAction((result, cancellationToken) => context.RunAsync(async () =>
        {
            var endpoint = source.Resolve(result);
            await using var staging = await Csv.CsvStaging.IfCsvAsync(endpoint, context.Console, cancellationToken);
            endpoint = staging?.Endpoint ?? endpoint;
            var schema = await IntrospectStep.RunAsync(endpoint, selection.ToIntrospectionOptions(result), result.GetValue(selection.Metadata), cancellationToken);
            // The plan a fit would follow, from the children per parent the source counts (aggregates only).
            var planned = await PlanStep.RunAsync(endpoint, schema, ReferenceOptions.Default, cancellationToken);
            var file = result.GetValue(output);
            var sidecar = file is null ? null : MetadataSource.SidecarPath(file.FullName);
            if (file is not null)
            {
                await File.WriteAllTextAsync(file.FullName, MetadataJson.Write(schema), cancellationToken);
                await File.WriteAllTextAsync(sidecar!, MetadataJson.WriteSidecar(schema, file.Name, PlanStep.Choices(planned)), cancellationToken);
            }
            IntrospectionSummary.Write(context.Console, schema, ForeignKeyGraph.Build(schema), result.GetValue(explain));
            IntrospectionSummary.WritePlan(context.Console, planned, sidecar is null ? null : Path.GetFileName(sidecar));
            if (file is null)
            {
                context.Console.WriteLine("no file written; --out metadata.json writes the metadata (SDV MULTI_TABLE_V1) and our extras beside it (the plan among them)");
                return ExitCodes.Success;
            }
            context.Console.WriteLine($"metadata written to {file.FullName} (SDV MULTI_TABLE_V1: Metadata.load_from_json reads it)");
            context.Console.WriteLine($"our extras (native types, composite and self-referencing keys, constraints, pii kinds, the plan) written beside it to {sidecar}; --metadata {file.Name} reads both");
            return ExitCodes.Success;
        }));
        return command;
    }
}
