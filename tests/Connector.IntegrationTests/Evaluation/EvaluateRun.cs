using System.Text.Json;
using Sdv.Connector.Cli;

namespace Sdv.Connector.IntegrationTests.Evaluation;

/// <summary>One run of the command line with captured output, and the JSON it wrote.</summary>
internal sealed record EvaluateRun(int ExitCode, string Output, string Error, string? Json)
{
    public static async Task<EvaluateRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error, interactive: false).ConfigureAwait(false);
        var jsonIndex = Array.IndexOf(args, "--json");
        var json = jsonIndex >= 0 && File.Exists(args[jsonIndex + 1]) ? await File.ReadAllTextAsync(args[jsonIndex + 1]).ConfigureAwait(false) : null;
        return new EvaluateRun(exit, output.ToString(), error.ToString(), json);
    }

    /// <summary>A number at a dotted path of the JSON (null when the value is null).</summary>
    public double? Figure(string path)
    {
        using var document = JsonDocument.Parse(Json ?? throw new InvalidOperationException($"No JSON was written. Exit {ExitCode}: {Error}"));
        var element = document.RootElement;
        foreach (var part in path.Split('.'))
            element = element.GetProperty(part.Replace('_', ' '));
        return element.ValueKind == JsonValueKind.Null ? null : element.GetDouble();
    }

    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
}
