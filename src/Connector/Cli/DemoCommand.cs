using System.CommandLine;
using Sdv.Connector.Connections;
using Sdv.Connector.Demo;
using Sdv.Connector.Failures;
using Sdv.Connector.Progress;
using Sdv.Connector.Synthesis;
using Spectre.Console;

namespace Sdv.Connector.Cli;

/// <summary>`demo`: builds a small clinical SQLite database, clones it synthetically into a second file and prints a summary.</summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var folder = new Option<DirectoryInfo>("--dir") { Description = "Folder for the demo's two SQLite files. Default: ./sdv-demo.", DefaultValueFactory = _ => new DirectoryInfo("sdv-demo") };
        var patients = new Option<int>("--patients") { Description = "Patients in the demo database (visits, lab tests and prescriptions follow). Default: 2000.", DefaultValueFactory = _ => 2000 };
        var seed = new Option<long>("--seed") { Description = "Seed of the demo data and of the clone. Default: 42.", DefaultValueFactory = _ => 42 };
        var command = new Command("demo", "Build a demo clinical SQLite database and clone it synthetically into a second SQLite file (no server needed).");
        command.Options.Add(folder);
        command.Options.Add(patients);
        command.Options.Add(seed);
        command.SetAction((result, cancellationToken) => context.RunAsync(async () =>
        {
            // On a terminal, the clone's live progress; plain lines otherwise.
            context.BeginProgress(ProgressMode.Plain);
            var dir = result.GetValue(folder)!;
            var count = result.GetValue(patients);
            if (count < 1) throw new UserInputException($"--patients must be at least 1 (got {count}).");
            Directory.CreateDirectory(dir.FullName);
            var sourcePath = Path.Combine(dir.FullName, "clinical.db");
            var targetPath = Path.Combine(dir.FullName, "clinical-synthetic.db");
            context.Progress.Step("demo", "building the demo database");
            var rows = ClinicalDemoDatabase.Create(sourcePath, count, (int)result.GetValue(seed), cancellationToken);
            context.Console.WriteLine($"demo source: {sourcePath} ({string.Join(", ", rows.Select(p => $"{p.Key} {p.Value}"))})");
            foreach (var file in new[] { targetPath, targetPath + "-wal", targetPath + "-shm", targetPath + "-journal" }) File.Delete(file);
            var from = EndpointParser.Parse(sourcePath, null, null, "source");
            var to = EndpointParser.Parse(targetPath, null, null, "target");
            await CloneCommand.CloneAsync(context, new CloneRequest(from, to) { Synthesis = new SynthesisOptions { Seed = result.GetValue(seed) } }, cancellationToken);
            context.Console.WriteLine($"synthetic clone: {targetPath}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
