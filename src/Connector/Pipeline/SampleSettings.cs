using Sdv.Connector.Synthesis.MultiTable;

namespace Sdv.Connector.Pipeline;

/// <summary>How <see cref="SampleStep"/> writes a synthetic database from a model.</summary>
/// <param name="Seed">Seed of every random choice; the same seed gives the same database.</param>
/// <param name="Scale">How large the clone is (<c>--scale</c>, <c>--scale-reference</c>).</param>
/// <param name="MaxParallel">Most tables sampled and written at once, each on a connection of its own (at least 1; SQLite: always 1).</param>
internal sealed record SampleSettings(long Seed, ScaleOptions Scale, int MaxParallel)
{
    /// <summary>Drop the target's tables first (<c>--replace</c>). Default: false, a target that holds tables is refused.</summary>
    public bool Replace { get; init; }

    /// <summary>Create the source's routines and triggers (same engine only): <c>--routines copy</c>. Default: true.</summary>
    public bool CopyRoutines { get; init; } = true;
}
