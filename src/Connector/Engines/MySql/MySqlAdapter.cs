using System.Data.Common;
using MySqlConnector;
using Sdv.Connector.Connections;
using Sdv.Connector.Connections.MySql;
using Sdv.Connector.Nightly.Staging;
using Sdv.Connector.Nightly.Staging.MySql;
using Sdv.Connector.SchemaIntrospection.Engines.MySql;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.MySql;

/// <summary>MySQL and MariaDB: one adapter for both (MySqlConnector speaks to each).</summary>
internal sealed class MySqlAdapter : IEngineAdapter
{
    private readonly MySqlDialect _dialect = new();
    private readonly MySqlTypeMapper _types = new();

    public MySqlAdapter()
    {
        Reader = new MySqlRowReader(_dialect);
        SchemaWriter = new MySqlSchemaWriter(_dialect);
        BulkWriter = new MySqlBulkWriter(_dialect);
    }

    public DatabaseEngine Engine => DatabaseEngine.MySql;

    public IReadOnlyList<EndpointScheme> Schemes { get; } = [new("mysql", EndpointKind.Database, DatabaseEngine.MySql), new("mariadb", EndpointKind.Database, DatabaseEngine.MySql)];

    public bool HasSchemas => false;

    public Func<TableSchema, ColumnSchema, ColumnSchema>? ToOtherEngine(DatabaseSchema source)
    {
        var counterKeys = MySqlCounterKeys.Find(source);
        return (table, column) =>
        {
            var widened = MySqlUnsignedWidening.Widen(column);
            return counterKeys.Contains((table.Name, widened.Name)) ? MySqlCounterKeys.Narrow(widened) : widened;
        };
    }

    /// <summary>The connection's database: MySQL's "schema" is the database itself.</summary>
    public string? DefaultSchema(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return string.IsNullOrEmpty(connection.Database) ? null : connection.Database;
    }

    /// <summary>
    /// Sets AllowLoadLocalInfile: MySqlBulkCopy needs it (and the server must allow local_infile).
    /// </summary>
    public DbConnection CreateConnection(string connectionString) =>
        new MySqlConnection(new MySqlConnectionStringBuilder(connectionString) { AllowLoadLocalInfile = true }.ConnectionString);

    public IServerConnections? ServerConnections => MySqlConnections.Instance;

    /// <summary>As it is: the reader's transactions are READ ONLY.</summary>
    public string ReadOnlyConnectionString(string connectionString) => connectionString;

    public string BulkLoadConnectionString(string connectionString) => connectionString;

    public int MaxParallelLoads => int.MaxValue;

    public IStagingArea Staging(DatabaseEndpoint target) => new MySqlStaging(target);

    public ISqlDialect Dialect => _dialect;

    public ISchemaIntrospector Introspector { get; } = new MySqlSchemaIntrospector();

    public IRowReader Reader { get; }

    public ISchemaWriter SchemaWriter { get; }

    public IBulkWriter BulkWriter { get; }

    public ITypeMapper TypeMapper => _types;

    public IEngineFaults Faults => MySqlFaults.Instance;
}
