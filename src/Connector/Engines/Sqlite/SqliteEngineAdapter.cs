using System.Data.Common;
using Microsoft.Data.Sqlite;
using Sdv.Connector.SchemaIntrospection.Engines.Sqlite;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.Sqlite;

/// <summary>SQLite: the embedded default. A source file should be opened with Mode=ReadOnly by the caller.</summary>
internal sealed class SqliteEngineAdapter : IEngineAdapter
{
    public DatabaseEngine Engine => DatabaseEngine.Sqlite;

    /// <summary>SQLite tables have no schema in the model (attached databases aside).</summary>
    public string? DefaultSchema(DbConnection connection) => null;

    public DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    public ISqlDialect Dialect => SqliteDialect.Instance;

    public ISchemaIntrospector Introspector { get; } = new SqliteSchemaIntrospector();

    public IRowReader Reader { get; } = new SqliteRowReader();

    public ISchemaWriter SchemaWriter { get; } = new SqliteSchemaWriter();

    public IBulkWriter BulkWriter { get; } = new SqliteBulkWriter();

    public ITypeMapper TypeMapper => SqliteTypeMapper.Instance;
}
