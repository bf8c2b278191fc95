using Sdv.Connector.Nightly.Staging;
using Sdv.Connector.Synthesis.MultiTable;

namespace Sdv.Connector.Nightly;

/// <summary>What <see cref="StagingWriter.WriteAsync"/> writes, and where: the model sampled, the staging area written, and the nightly run's settings.</summary>
/// <param name="Model">The fitted model of the source database.</param>
/// <param name="Staging">The staging area the clone is written into under staging names.</param>
/// <param name="Seed">The seed of the sampler (the same seed gives the same clone).</param>
/// <param name="Scale">How many rows each table gets relative to the source.</param>
/// <param name="Overrides">The configuration's column overrides, applied to every sampled row.</param>
/// <param name="Hooks">The job's test hooks (steps, after each table loaded).</param>
/// <param name="Attempt">Which try of the write this is (1 first), passed to the hooks.</param>
/// <param name="MaxParallel">How many tables may load at the same time (at least 1; the engine may allow fewer).</param>
internal sealed record StagingWriteRequest(DatabaseModel Model, IStagingArea Staging, long Seed, ScaleOptions Scale, ColumnOverrides Overrides,
    NightlyHooks Hooks, int Attempt, int MaxParallel);
