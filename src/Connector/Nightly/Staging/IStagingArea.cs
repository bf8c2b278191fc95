using System.Data.Common;
using Sdv.Connector.Connections;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Nightly.Staging;

/// <summary>
/// Where one engine writes the new clone beside the old one, and how it swaps it in at once.
/// Until <see cref="SwapAsync"/> the target is untouched; a run that dies leaves only staging
/// objects, which the next run's <see cref="CleanAsync"/> removes before it writes.
/// </summary>
internal interface IStagingArea
{
    /// <summary>What the staging is called, for the log ("file x.db.sdv-staging", "schema public__sdv_staging").</summary>
    string Description { get; }

    /// <summary>The endpoint the clone is written to (the target itself where staging is a schema of it).</summary>
    DatabaseEndpoint Endpoint { get; }

    /// <summary>
    /// Views are written after the swap, from the live names, instead of in staging (SQL Server: a view's text is bound by
    /// name when it runs, and the writer creates it under the name the source gave it).
    /// </summary>
    bool ViewsAfterSwap { get; }

    /// <summary>
    /// Routines are written after the swap, from the live names, instead of in staging (PostgreSQL: a routine names its
    /// schema, and staging is another schema). Triggers always are: created last, after the load, they fire on no
    /// synthetic row.
    /// </summary>
    bool RoutinesAfterSwap => false;

    /// <summary>Removes what a previous run left (staging and half-swapped objects) and prepares an empty staging; returns what it removed.</summary>
    Task<IReadOnlyList<string>> CleanAsync(CancellationToken cancellationToken);

    /// <summary>Renames a schema mapped to the target (see SchemaMapper) into the staging place.</summary>
    DatabaseSchema ToStaging(DatabaseSchema mapped);

    /// <summary>Run on the staging connection once it is open (e.g. a search_path), or null.</summary>
    string? SessionSql { get; }

    /// <summary>Names of the staging's schemas to introspect for the checks (null: the connection's own).</summary>
    IReadOnlyList<string> StagingSchemas(DatabaseSchema staged);

    /// <summary>
    /// Puts the staged clone in the target's place in one step and drops the previous clone. Afterwards every object of
    /// the clone names the live schema or database, none the staging (objects whose definitions the engine keeps as text
    /// are recreated under the live names). Returns warnings about what could not be carried over.
    /// </summary>
    Task<IReadOnlyList<string>> SwapAsync(DatabaseSchema staged, CancellationToken cancellationToken);

    /// <summary>Opens a connection to the target (for the swap and views after it).</summary>
    Task<DbConnection> OpenTargetAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Takes the target's run lock without waiting, or returns null when another run holds it. Everything a run
    /// touches (the staging, the leftovers it cleans, the swap) is guarded by it, so it is taken before all of that.
    /// </summary>
    Task<IRunLock?> TryLockAsync(CancellationToken cancellationToken);

    /// <summary>The run lock, for messages ("lock file x.db.sdv-lock", "advisory lock 123 on ..."), with how to find its holder where the engine can tell.</summary>
    string LockDescription { get; }

    /// <summary>The target's schema that a staging schema stands for (the inverse of <see cref="ToStaging"/>), to match staged tables with the source's.</summary>
    string? LiveSchema(string? stagingSchema);
}
