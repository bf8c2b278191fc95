using System.Data.Common;
using Sdv.Connector.Connections;
using Sdv.Connector.Nightly.Staging;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines;

/// <summary>
/// One engine's small adapters, one per concern, and every choice the pipeline makes by engine (how a source is
/// opened, how a load is tuned and spread, where a nightly run stages). Chosen by <see cref="EngineAdapters.For"/>.
/// </summary>
internal interface IEngineAdapter
{
    DatabaseEngine Engine { get; }

    /// <summary>
    /// The URL schemes (and --source-engine names) of the engine, each with its aliases; more than one where the
    /// engine answers to several names (MySQL and MariaDB), so that messages show what the user wrote.
    /// </summary>
    IReadOnlyList<EndpointScheme> Schemes { get; }

    /// <summary>
    /// Whether tables live in named schemas of one database (PostgreSQL, SQL Server), so that a clone on the same engine
    /// keeps the source's schema names; MySQL's schema is the database itself and SQLite has none.
    /// </summary>
    bool HasSchemas { get; }

    /// <summary>
    /// How a column of <paramref name="source"/>, read from this engine, is carried to another engine beyond its type
    /// (MySQL: unsigned integers widened to hold their whole range, counter keys narrowed back); null where nothing more is needed.
    /// </summary>
    Func<TableSchema, ColumnSchema, ColumnSchema>? ToOtherEngine(DatabaseSchema source);

    /// <summary>The schema the engine uses when none is named (public, dbo, the database itself, or null for SQLite).</summary>
    string? DefaultSchema(DbConnection connection);

    DbConnection CreateConnection(string connectionString);

    /// <summary>How the engine's server connection strings are built and read; null for an engine that opens a file (SQLite).</summary>
    IServerConnections? ServerConnections { get; }

    /// <summary>
    /// The connection string a source is read through: read-only where the driver can say so, else as it is (every
    /// engine also reads inside read-only transactions, <see cref="IRowReader.BeginReadOnlyAsync"/>).
    /// </summary>
    string ReadOnlyConnectionString(string connectionString);

    /// <summary>The connection string the connections of a bulk load open with: the engine's buffer tuning, where it has one.</summary>
    string BulkLoadConnectionString(string connectionString);

    /// <summary>The most tables loaded into one target at once, whatever was asked.</summary>
    int MaxParallelLoads { get; }

    /// <summary>Where a nightly run writes the new clone of <paramref name="target"/> beside the old one.</summary>
    IStagingArea Staging(DatabaseEndpoint target);

    ISqlDialect Dialect { get; }

    ISchemaIntrospector Introspector { get; }

    IRowReader Reader { get; }

    ISchemaWriter SchemaWriter { get; }

    IBulkWriter BulkWriter { get; }

    /// <summary>Maps a column to this engine's type: its own native type where it came from this engine, else from its logical type.</summary>
    ITypeMapper TypeMapper { get; }

    /// <summary>What the engine's driver exceptions mean: transient, disk full, access denied, which column.</summary>
    IEngineFaults Faults { get; }
}
