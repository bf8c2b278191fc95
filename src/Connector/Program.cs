using Sdv.Connector.Cli;

namespace Sdv.Connector;

internal static class Program
{
    public static Task<int> Main(string[] args) =>
        CliApp.RunAsync(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected);
}
