using System.Data.Common;
using Npgsql;
using Sdv.Connector.Connections;
using Sdv.Connector.Connections.PostgreSql;
using Sdv.Connector.Nightly.Staging;
using Sdv.Connector.Nightly.Staging.PostgreSql;
using Sdv.Connector.SchemaIntrospection.Engines.PostgreSql;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.PostgreSql;

/// <summary>PostgreSQL: binary COPY in, REPEATABLE READ READ ONLY snapshots out.</summary>
internal sealed class PostgreSqlEngineAdapter : IEngineAdapter
{
    public DatabaseEngine Engine => DatabaseEngine.PostgreSql;

    public IReadOnlyList<EndpointScheme> Schemes { get; } = [new("postgresql", EndpointKind.Database, DatabaseEngine.PostgreSql, ["postgres"])];

    public bool HasSchemas => true;

    public Func<TableSchema, ColumnSchema, ColumnSchema>? ToOtherEngine(DatabaseSchema source) => null;

    /// <summary>The connection's current_schema() where it is open (the first schema of its search_path), else public.</summary>
    public string? DefaultSchema(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.State != System.Data.ConnectionState.Open) return "public";
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT current_schema()";
        return command.ExecuteScalar() as string ?? "public";
    }

    public DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

    public IServerConnections? ServerConnections => PostgreSqlConnections.Instance;

    /// <summary>
    /// A 256 KiB read buffer unless the connection string sets one (the reader's transactions are REPEATABLE READ READ
    /// ONLY, so nothing else changes): each refill of the buffer arms the command timeout's timer under a lock, and
    /// with Npgsql's 8 KiB default a streamed join of 700,000 rows spent a seventh of its time there and in the socket
    /// reads (evaluate's profile, two sessions reading at once).
    /// </summary>
    public string ReadOnlyConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.ReadBufferSize != new NpgsqlConnectionStringBuilder().ReadBufferSize) return connectionString;
        builder.ReadBufferSize = 256 * 1024;
        return builder.ConnectionString;
    }

    /// <summary>
    /// A 256 KiB write buffer unless the connection string sets one, because a binary COPY flushes whenever the buffer
    /// fills and each flush arms the command timeout's timer: with Npgsql's 8 KiB default, a million rows cost about
    /// 15,000 flushes, a fifth of the writer's time in the profile.
    /// </summary>
    public string BulkLoadConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.WriteBufferSize != new NpgsqlConnectionStringBuilder().WriteBufferSize) return connectionString;
        builder.WriteBufferSize = 256 * 1024;
        return builder.ConnectionString;
    }

    public int MaxParallelLoads => int.MaxValue;

    public IStagingArea Staging(DatabaseEndpoint target) => new PostgreSqlStaging(target);

    public ISqlDialect Dialect => PostgreSqlDialect.Instance;

    public ISchemaIntrospector Introspector { get; } = new PostgreSqlSchemaIntrospector();

    public IRowReader Reader { get; } = new PostgreSqlRowReader();

    public ISchemaWriter SchemaWriter { get; } = new PostgreSqlSchemaWriter();

    public IBulkWriter BulkWriter { get; } = new PostgreSqlBulkWriter();

    public ITypeMapper TypeMapper => PostgreSqlTypeMapper.Instance;

    public IEngineFaults Faults => PostgreSqlFaults.Instance;
}
