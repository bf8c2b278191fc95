using System.CommandLine;
using Sdv.Connector.Failures;
using Sdv.Connector.Pipeline;
using Sdv.Connector.Synthesis.MultiTable;

namespace Sdv.Connector.Cli;

/// <summary>`sample --model m.sdvm --target Y`: writes a synthetic database from a saved model, without the source.</summary>
internal static class SampleCommand
{
    public static Command Create(CliContext context)
    {
        var target = new EndpointOptions("target", "The database to write the synthetic clone into (empty, or give --replace).");
        var synthesis = new SynthesisCliOptions();
        var model = new Option<FileInfo>("--model") { Description = "The model file written by fit.", Required = true };
        var maxParallel = new MaxParallelOption();
        var progress = new ProgressOptions();
        var command = new Command("sample", "Write a synthetic database from a model file (no access to the source needed).");
        target.AddTo(command);
        synthesis.AddSampleOptions(command, withSeed: true);
        command.Options.Add(model);
        maxParallel.AddTo(command);
        progress.AddTo(command);
        command.SetAction((result, cancellationToken) => context.RunAsync(async () =>
        {
            context.BeginProgress(progress.ModeOf(result));
            var endpoint = target.Resolve(result);
            var scale = synthesis.ScaleOf(result);
            var parallel = maxParallel.ValueOf(result);
            DatabaseModel fitted;
            try
            {
                fitted = DatabaseModelFile.Load(result.GetValue(model)!.FullName);
            }
            catch (InvalidDataException e)
            {
                throw new UserInputException($"--model: {e.Message}", e);
            }
            var written = await SampleStep.RunAsync(fitted, endpoint,
                new SampleSettings(result.GetValue(synthesis.Seed), scale, parallel) { Replace = result.GetValue(synthesis.Replace), CopyRoutines = synthesis.CopyRoutines(result) },
                context.Progress, cancellationToken);
            CloneCommand.WriteOutcome(context, endpoint.Redacted, written);
            context.Result(CloneCommand.OutcomeLine(endpoint.Redacted, written), CloneCommand.OutcomeFields(endpoint.Redacted, written));
            return ExitCodes.Success;
        }));
        return command;
    }
}
