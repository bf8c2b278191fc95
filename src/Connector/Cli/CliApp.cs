using System.CommandLine;
using System.CommandLine.Help;

namespace Sdv.Connector.Cli;

/// <summary>The command line: builds the commands and runs one, with output going to the given writers.</summary>
internal static class CliApp
{
    /// <summary>Prints a failure's .NET details (type and stack trace) after its message; off by default.</summary>
    public static readonly Option<bool> Verbose = new("--verbose") { Description = "On a failure, also print its technical details (the exception and stack trace) after the message.", Recursive = true };

    /// <summary>The name the tool is installed and documented under, shown in help whatever the executable is called.</summary>
    public const string ProgramName = "sdv-connector";

    public static Command Build(CliContext context)
    {
        // Not a RootCommand: its name is the running executable's (Sdv.Connector, or dotnet's host under
        // `dotnet tool`), and help would say `Sdv.Connector` where a user types `sdv-connector`.
        var root = new Command(ProgramName, "sdv-connector: a fully synthetic clone of a relational database (schema, statistics, relationships and constraints; no real rows).")
        {
            new HelpOption(),
            new VersionOption(),
        };
        root.Subcommands.Add(IntrospectCommand.Create(context));
        root.Subcommands.Add(FitCommand.Create(context));
        root.Subcommands.Add(SampleCommand.Create(context));
        root.Subcommands.Add(CloneCommand.Create(context));
        root.Subcommands.Add(DemoCommand.Create(context));
        root.Subcommands.Add(EvaluateCommand.Create(context));
        root.Subcommands.Add(RunCommand.Create(context));
        root.Options.Add(Verbose);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool interactive, CancellationToken cancellationToken = default)
    {
        await using var context = new CliContext(output, error, interactive);
        var parse = Build(context).Parse(args);
        if (parse.Errors.Count > 0)
        {
            // System.CommandLine would print the whole help and exit 1 ("unexpected failure"); a scheduler
            // must see bad input (2), and a person wants the one line that says what was wrong.
            foreach (var problem in parse.Errors) await error.WriteLineAsync($"error: {Plain(problem.Message)}");
            var command = parse.CommandResult.Command;
            var help = command.Parents.FirstOrDefault() is null ? "sdv-connector --help" : $"sdv-connector {command.Name} --help";
            await error.WriteLineAsync($"Run `{help}` for the options.");
            return ExitCodes.BadInput;
        }
        context.Verbose = parse.GetValue(Verbose);
        // Signals are the caller's (Program turns SIGINT/SIGTERM into the token): System.CommandLine's own
        // handling would end the process 2 s after a signal, in the middle of writing the run summary.
        // Its own exception handler would print a stack trace: every failure goes through ours instead.
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            return await context.ReportAsync(e);
        }
    }

    /// <summary>System.CommandLine names the .NET type a value failed to parse as ("expected type 'System.Int64'"); a user wants the kind of value.</summary>
    internal static string Plain(string message)
    {
        foreach (var (type, kind) in TypeKinds) message = message.Replace($"as expected type '{type}'", $"as {kind}", StringComparison.Ordinal);
        return message;
    }

    private static readonly (string Type, string Kind)[] TypeKinds =
    [
        ("System.Int64", "a whole number"),
        ("System.Int32", "a whole number"),
        ("System.Double", "a number (for example 0.5)"),
        ("System.Boolean", "true or false"),
        ("System.IO.FileInfo", "a file path"),
        ("System.IO.DirectoryInfo", "a folder path"),
    ];
}
