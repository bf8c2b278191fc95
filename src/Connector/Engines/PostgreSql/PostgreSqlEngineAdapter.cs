using System.Data.Common;
using Npgsql;
using Sdv.Connector.SchemaIntrospection.Engines.PostgreSql;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Engines.PostgreSql;

/// <summary>PostgreSQL: binary COPY in, REPEATABLE READ READ ONLY snapshots out.</summary>
internal sealed class PostgreSqlEngineAdapter : IEngineAdapter
{
    public DatabaseEngine Engine => DatabaseEngine.PostgreSql;

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

    public ISqlDialect Dialect => PostgreSqlDialect.Instance;

    public ISchemaIntrospector Introspector { get; } = new PostgreSqlSchemaIntrospector();

    public IRowReader Reader { get; } = new PostgreSqlRowReader();

    public ISchemaWriter SchemaWriter { get; } = new PostgreSqlSchemaWriter();

    public IBulkWriter BulkWriter { get; } = new PostgreSqlBulkWriter();

    public ITypeMapper TypeMapper => PostgreSqlTypeMapper.Instance;
}
