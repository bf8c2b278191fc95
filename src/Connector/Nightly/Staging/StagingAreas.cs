using Sdv.Connector.Connections;
using Sdv.Connector.Engines;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Nightly.Staging;

/// <summary>The staging area of a target (its engine's, from <see cref="IEngineAdapter.Staging"/>; each engine's in a folder beside this file) and the names staging uses.</summary>
internal static class StagingAreas
{
    public const string StagingSuffix = "__sdv_staging";
    public const string OldSuffix = "__sdv_old";

    public static IStagingArea For(DatabaseEndpoint target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Engine is not { } engine) throw new ArgumentOutOfRangeException(nameof(target), target.Engine, "No staging for this engine.");
        return EngineAdapters.For(engine).Staging(target);
    }

    /// <summary>The schema a <c>&lt;schema&gt;__sdv_staging</c> schema stands for (the suffix removed); any other name as it is.</summary>
    public static string? WithoutStagingSuffix(string? schema) =>
        schema is not null && schema.EndsWith(StagingSuffix, StringComparison.Ordinal) ? schema[..^StagingSuffix.Length] : schema;
}
