using System.Data.Common;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>
/// Creates the clone's schema in steps around the bulk load: tables first (columns, defaults,
/// identity, primary and unique keys, checks, user types), then after the load foreign keys and
/// indexes, so the target database itself proves referential integrity.
/// The schema passed in is already mapped to this engine (see <see cref="SchemaMapper"/>):
/// its names are the target's, and columns from another engine carry
/// the annotation <see cref="SchemaMapper.SourceEngineAnnotation"/>.
/// </summary>
internal interface ISchemaWriter
{
    /// <summary>What this writer could not do as the source does (a type written as text, a view skipped), for this run.</summary>
    IReadOnlyCollection<string> Warnings { get; }

    /// <summary>User types (enums, domains), schemas, and tables without foreign keys or secondary indexes.</summary>
    Task CreateTablesAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken);

    /// <summary>Foreign keys (validated by the engine) and non-key indexes, after the load.</summary>
    Task CreateForeignKeysAndIndexesAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken);

    /// <summary>
    /// Whether <see cref="AddCheckAfterLoadAsync"/> can add a CHECK to a loaded table. Where it can, the CHECKs the sampler
    /// does not read (<see cref="PortableChecks.IsUnderstood"/>) are created after the load rather than with the table,
    /// so a row that breaks one does not fail the whole clone.
    /// </summary>
    bool AddsChecksAfterLoad => false;

    /// <summary>
    /// Adds <paramref name="check"/> to a loaded table: checked, or where <paramref name="rowsBreakIt"/>, kept for new rows
    /// without checking the loaded ones (PostgreSQL's NOT VALID).
    /// </summary>
    Task AddCheckAfterLoadAsync(DbConnection connection, TableSchema table, CheckConstraintSchema check, bool rowsBreakIt, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This engine adds CHECKs with its tables only.");

    /// <summary>Views whose tables were all cloned (same engine only; others are skipped with a warning).</summary>
    Task<IReadOnlyList<string>> CreateViewsAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken);

    /// <summary>
    /// The source's routines alone (same engine only), where <see cref="CreateTablesAsync"/> could not create them: a
    /// nightly clone on PostgreSQL is staged in another schema, so its routines are created under their own names after
    /// the swap. Returns the warnings. Engines whose routines the table step or the swap carries write none here.
    /// </summary>
    Task<IReadOnlyList<string>> CreateRoutinesAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>
    /// The source's triggers (same engine only), after the load and the views, so that none fires on the
    /// synthetic rows; one the target refuses is a warning. Returns the warnings.
    /// </summary>
    Task<IReadOnlyList<string>> CreateTriggersAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken);

    /// <summary>Moves identity columns and sequences past the largest key so new inserts succeed.</summary>
    Task ResetIdentitiesAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken);

    /// <summary>Refreshes the planner's statistics.</summary>
    Task AnalyzeAsync(DbConnection connection, DatabaseSchema schema, CancellationToken cancellationToken);

    /// <summary>Drops the given tables (and their dependent views and constraints); used with --replace.</summary>
    Task DropTablesAsync(DbConnection connection, IReadOnlyList<QualifiedName> tables, CancellationToken cancellationToken);
}
