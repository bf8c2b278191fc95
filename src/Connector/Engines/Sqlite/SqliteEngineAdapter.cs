using System.Data.Common;
using Microsoft.Data.Sqlite;
using Sdv.Connector.Connections;
using Sdv.Connector.Nightly.Staging;
using Sdv.Connector.Nightly.Staging.Sqlite;
using Sdv.Connector.SchemaIntrospection.Engines.Sqlite;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.Sqlite;

/// <summary>SQLite: the embedded default, one file; a source is opened with Mode=ReadOnly.</summary>
internal sealed class SqliteEngineAdapter : IEngineAdapter
{
    public DatabaseEngine Engine => DatabaseEngine.Sqlite;

    public IReadOnlyList<EndpointScheme> Schemes { get; } = [new("sqlite", EndpointKind.Database, DatabaseEngine.Sqlite, ["sqlite3"])];

    public bool HasSchemas => false;

    public Func<TableSchema, ColumnSchema, ColumnSchema>? ToOtherEngine(DatabaseSchema source) => null;

    /// <summary>SQLite tables have no schema in the model (attached databases aside).</summary>
    public string? DefaultSchema(DbConnection connection) => null;

    public DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    public IServerConnections? ServerConnections => null;

    /// <summary>Mode=ReadOnly, so not even a journal is written.</summary>
    public string ReadOnlyConnectionString(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly }.ConnectionString;

    public string BulkLoadConnectionString(string connectionString) => connectionString;

    /// <summary>
    /// One: SQLite allows one writer per database file (a second connection's bulk insert would wait on the lock and
    /// then fail with "database is locked").
    /// </summary>
    public int MaxParallelLoads => 1;

    public IStagingArea Staging(DatabaseEndpoint target) => new SqliteStaging(target);

    public ISqlDialect Dialect => SqliteDialect.Instance;

    public ISchemaIntrospector Introspector { get; } = new SqliteSchemaIntrospector();

    public IRowReader Reader { get; } = new SqliteRowReader();

    public ISchemaWriter SchemaWriter { get; } = new SqliteSchemaWriter();

    public IBulkWriter BulkWriter { get; } = new SqliteBulkWriter();

    public ITypeMapper TypeMapper => SqliteTypeMapper.Instance;

    public IEngineFaults Faults => SqliteFaults.Instance;
}
