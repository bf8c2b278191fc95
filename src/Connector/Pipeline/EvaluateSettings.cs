using Sdv.Connector.Connections;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Evaluation;
using Sdv.Connector.Synthesis.Evaluation.Privacy;

namespace Sdv.Connector.Pipeline;

/// <summary>Everything one evaluation is told: the two databases, what to score, and what to measure beyond the defaults.</summary>
/// <param name="Real">The real database (read-only).</param>
/// <param name="Synthetic">The synthetic database (read-only).</param>
internal sealed record EvaluateSettings(DatabaseEndpoint Real, DatabaseEndpoint Synthetic)
{
    /// <summary>Where the clone lives when the synthetic database holds more (a nightly run's staging); null: all of it.</summary>
    public SyntheticScope? Scope { get; init; }

    /// <summary>Which real tables to read (schemas, include/exclude).</summary>
    public IntrospectionOptions Selection { get; init; } = IntrospectionOptions.Default;

    /// <summary>An SDV metadata file that decides what is scored (its tables, columns, sdtypes, keys, relationships).</summary>
    public FileInfo? MetadataFile { get; init; }

    /// <summary>The real schema the caller already introspected (clone), sdtypes inferred; null: introspect here.</summary>
    public DatabaseSchema? RealSchema { get; init; }

    public EvaluationOptions Options { get; init; } = new();

    /// <summary>The rule the fit held real rows out by (clone/fit --holdout); null: none was held out.</summary>
    public HoldoutRule? Holdout { get; init; }

    /// <summary>table.column for machine-learning efficacy, or null.</summary>
    public string? TargetColumn { get; init; }

    /// <summary>Keep the per-column distributions the HTML report plots.</summary>
    public bool Plots { get; init; } = true;

    /// <summary>Told of the evaluate phase and each table (and of the introspection when the real schema is read here); null: nothing is told.</summary>
    public RunProgress? Progress { get; init; }
}
