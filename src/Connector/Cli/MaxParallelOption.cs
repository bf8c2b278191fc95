using System.CommandLine;
using System.Globalization;
using Sdv.Connector.Failures;

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
        Description = "Tables fitted, sampled and written at once, each on a connection of its own (at least 1; a SQLite target is always written one table at a time; above 1, the fit opens one more source connection to count relationships' statistics while tables are read). The model and the rows are the same whatever this is. Default: the number of processors.",
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

    /// <summary>One table per processor: a table's fit or load keeps about one core busy (reading and statistics, or sampling and writing, overlap).</summary>
    public static int Default => Math.Max(1, Environment.ProcessorCount);
}
