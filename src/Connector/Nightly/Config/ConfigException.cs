namespace Sdv.Connector.Nightly.Config;

/// <summary>A configuration with problems; <see cref="Problems"/> holds every one of them.</summary>
internal sealed class ConfigException : Exception
{
    public ConfigException(string file, IReadOnlyList<string> problems)
        : base($"{problems.Count} problem(s) in {file}; nothing was run:\n" + string.Join("\n", problems.Select(p => "  - " + p))) => Problems = problems;

    public ConfigException() => Problems = [];

    public ConfigException(string message) : base(message) => Problems = [message];

    public ConfigException(string message, Exception inner) : base(message, inner) => Problems = [message];

    public IReadOnlyList<string> Problems { get; }
}
