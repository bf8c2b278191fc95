using System.CommandLine;

namespace Sdv.Connector.Cli;

/// <summary>The command line: builds the commands and runs one, with output going to the given writers.</summary>
internal static class CliApp
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("sdv-connector: a fully synthetic clone of a relational database (schema, statistics, relationships and constraints; no real rows).");
        root.Subcommands.Add(IntrospectCommand.Create(context));
        root.Subcommands.Add(FitCommand.Create(context));
        root.Subcommands.Add(SampleCommand.Create(context));
        root.Subcommands.Add(CloneCommand.Create(context));
        root.Subcommands.Add(DemoCommand.Create(context));
        root.Subcommands.Add(EvaluateCommand.Create(context));
        root.Subcommands.Add(RunCommand.Create(context));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool interactive, CancellationToken cancellationToken = default)
    {
        var context = new CliContext(output, error, interactive);
        var parse = Build(context).Parse(args);
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken).ConfigureAwait(false);
    }
}
