using System.CommandLine;
using System.Globalization;

namespace Sdv.Connector.Cli;

/// <summary>
/// <c>--max-parallel N</c>: how many tables are worked on at once, each on a connection of its own.
/// Default: the number of processors; at least 1.
/// </summary>
internal sealed class MaxParallelOption
{
    /// <summary>Taken as text so that a bad value gets our message and exit code 2, not the parser's.</summary>
    public Option<string?> Option { get; } = new("--max-parallel")
    {
        Description = "Tables worked on at once, each on a connection of its own (at least 1). Default: the number of processors.",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Option);
    }

    public int ValueOf(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.GetValue(Option);
        if (text is null) return Default;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            throw new UserInputException($"--max-parallel must be a whole number of at least 1 (got '{text}').");
        return value;
    }

    /// <summary>One table per processor: a fit keeps about one core busy (reading and statistics overlap).</summary>
    public static int Default => Math.Max(1, Environment.ProcessorCount);
}
