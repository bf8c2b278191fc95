using Sdv.Connector.Connections;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis;
using Sdv.Connector.Synthesis.Evaluation.Privacy;
using Sdv.Connector.Synthesis.MultiTable;

namespace Sdv.Connector.Cli;

/// <summary>Everything one clone run is told: the two databases, what to read, how to fit and sample, and what to do after.</summary>
/// <param name="From">The database to clone (read only).</param>
/// <param name="To">The database the synthetic clone is written into.</param>
internal sealed record CloneRequest(DatabaseEndpoint From, DatabaseEndpoint To)
{
    /// <summary>Which source tables to read (schemas, include/exclude). Default: every table.</summary>
    public IntrospectionOptions Introspection { get; init; } = IntrospectionOptions.Default;

    /// <summary>An SDV metadata file that overrides the introspected sdtypes, keys and relationships. Default: none.</summary>
    public FileInfo? Metadata { get; init; }

    /// <summary>How the model is fitted and sampled, the seed included. Default: the synthesis defaults.</summary>
    public SynthesisOptions Synthesis { get; init; } = new();

    /// <summary>How many rows each table gets relative to the source. Default: as many as the source.</summary>
    public ScaleOptions Scale { get; init; } = ScaleOptions.Whole;

    /// <summary>Drop the target's tables before writing (--replace). Default: false, the target must be empty.</summary>
    public bool Replace { get; init; }

    /// <summary>Also save the fitted model here, to sample again later without the source. Default: none.</summary>
    public FileInfo? ModelFile { get; init; }

    /// <summary>Score the clone against the source at the end (database targets only). Default: true.</summary>
    public bool Evaluate { get; init; } = true;

    /// <summary>Tables fitted, sampled and written at once. Default: the number of processors.</summary>
    public int MaxParallel { get; init; } = MaxParallelOption.Default;

    /// <summary>The rule that leaves real rows out of the fit (--holdout). Default: none.</summary>
    public HoldoutRule? Holdout { get; init; }

    /// <summary>Create the source's routines and triggers on the target (same engine only, --routines copy). Default: true.</summary>
    public bool CopyRoutines { get; init; } = true;

    /// <summary>A last change to the introspected schema before the fit (reference tables). Default: none.</summary>
    public Func<DatabaseSchema, DatabaseSchema>? AdjustSchema { get; init; }
}
