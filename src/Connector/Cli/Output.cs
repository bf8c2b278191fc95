using Spectre.Console;

namespace Sdv.Connector.Cli;

/// <summary>A console bound to a writer: colours and live progress on a terminal, plain text otherwise (logs, tests).</summary>
internal static class Output
{
    public static IAnsiConsole For(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
    });
        // A log line is not wrapped at 80 columns when there is no terminal to fit.
        if (!interactive) console.Profile.Width = 200;
        return console;
    }
}
