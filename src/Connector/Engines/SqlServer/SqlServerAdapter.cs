using System.Data.Common;
using Microsoft.Data.SqlClient;
using Sdv.Connector.Connections;
using Sdv.Connector.Connections.SqlServer;
using Sdv.Connector.Nightly.Staging;
using Sdv.Connector.Nightly.Staging.SqlServer;
using Sdv.Connector.SchemaIntrospection.Engines.SqlServer;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.SqlServer;

/// <summary>SQL Server (2016 and later: DROP TABLE IF EXISTS, datetime2, snapshot isolation).</summary>
internal sealed class SqlServerAdapter : IEngineAdapter
{
    private readonly SqlServerDialect _dialect = new();
    private readonly SqlServerTypeMapper _types = new();

    public SqlServerAdapter()
    {
        Reader = new SqlServerRowReader(_dialect);
        SchemaWriter = new SqlServerSchemaWriter(_dialect);
        BulkWriter = new SqlServerBulkWriter(_dialect);
    }

    public DatabaseEngine Engine => DatabaseEngine.SqlServer;

    public IReadOnlyList<EndpointScheme> Schemes { get; } = [new("sqlserver", EndpointKind.Database, DatabaseEngine.SqlServer, ["mssql"])];

    public bool HasSchemas => true;

    public Func<TableSchema, ColumnSchema, ColumnSchema>? ToOtherEngine(DatabaseSchema source) => null;

    /// <summary>The login's default schema where the connection is open (usually dbo), else dbo.</summary>
    public string? DefaultSchema(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.State != System.Data.ConnectionState.Open) return "dbo";
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT SCHEMA_NAME()";
        return command.ExecuteScalar() as string ?? "dbo";
    }

    public DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

    public IServerConnections? ServerConnections => SqlServerConnections.Instance;

    /// <summary>As it is: the reader's snapshot transactions only read.</summary>
    public string ReadOnlyConnectionString(string connectionString) => connectionString;

    public string BulkLoadConnectionString(string connectionString) => connectionString;

    public int MaxParallelLoads => int.MaxValue;

    public IStagingArea Staging(DatabaseEndpoint target) => new SqlServerStaging(target);

    public ISqlDialect Dialect => _dialect;

    public ISchemaIntrospector Introspector { get; } = new SqlServerSchemaIntrospector();

    public IRowReader Reader { get; }

    public ISchemaWriter SchemaWriter { get; }

    public IBulkWriter BulkWriter { get; }

    public ITypeMapper TypeMapper => _types;

    public IEngineFaults Faults => SqlServerFaults.Instance;
}
