using Sdv.Connector.Connections;

namespace Sdv.Connector.Nightly.Config;

/// <summary>
/// A whole nightly run, validated: every key of config/README.md with its default. Built only by
/// <see cref="NightlyConfigReader"/>, which lists every problem of a file at once.
/// </summary>
internal sealed record NightlyConfig
{
    /// <summary>The file it was read from, or null when everything came from flags.</summary>
    public string? File { get; init; }

    public required DatabaseEndpoint Source { get; init; }

    public required DatabaseEndpoint Target { get; init; }

    /// <summary>Where the passwords come from (never the passwords): every output is scrubbed of their values (defence in depth).</summary>
    public IReadOnlyList<(string Role, PasswordSource Source)> Secrets { get; init; } = [];

    public IReadOnlyList<string> Schemas { get; init; } = [];

    public IReadOnlyList<string> Include { get; init; } = [];

    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Count rows exactly (COUNT(*)) instead of the catalog's estimate. Default: false.</summary>
    public bool ExactCounts { get; init; }

    /// <summary>A metadata JSON file whose sdtypes and keys win over inference. Default: none.</summary>
    public string? Metadata { get; init; }

    public IReadOnlyList<ColumnOverride> Columns { get; init; } = [];

    /// <summary>Default: 42.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>Default: 1.</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>Scale reference tables too (a subset of their rows below scale 1; whole above it). Default: false, copied whole.</summary>
    public bool ScaleReference { get; init; }

    /// <summary>Default: 5.</summary>
    public int RareK { get; init; } = 5;

    /// <summary>Default: en.</summary>
    public string Locale { get; init; } = "en";

    /// <summary>Tables fitted at once, each on a connection of its own. Default: the number of processors.</summary>
    public int MaxParallel { get; init; } = Cli.MaxParallelOption.Default;

    public ModelSettings Model { get; init; } = new();

    /// <summary>Gate name (min_quality, min_diagnostic, max_exact_match_rate) to threshold.</summary>
    public IReadOnlyDictionary<string, double> Gates { get; init; } = new Dictionary<string, double>();

    public RetrySettings Retry { get; init; } = new();

    /// <summary>The JSON run summary. Default: none.</summary>
    public string? Summary { get; init; }

    /// <summary>The human log (appended). Default: none.</summary>
    public string? Log { get; init; }
}
