using System.Data.Common;
using Microsoft.Data.SqlClient;
using Sdv.Connector.Connections;
using Sdv.Connector.Engines.SqlServer;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Nightly.Staging.SqlServer;

/// <summary>
/// SQL Server: each schema is written as <c>schema__sdv_staging</c>, then in one transaction the
/// live tables are transferred to <c>schema__sdv_old</c> and the staged ones into the schema
/// (ALTER SCHEMA ... TRANSFER), and the old tables dropped. Not yet covered by a test against a server.
/// </summary>
internal sealed class SqlServerStaging(DatabaseEndpoint target) : IStagingArea
{
    private static readonly SqlServerDialect D = new();

    public string Description => "schemas *" + StagingAreas.StagingSuffix + " of " + target.Redacted;

    public DatabaseEndpoint Endpoint => target;

    /// <summary>
    /// A view's text is bound by name when it runs, and the writer creates views under their source names (the full
    /// CREATE VIEW of sys.sql_modules): created in staging they would name the live schema, transferred they would name
    /// the staging one. They are created after the swap, under the live names.
    /// </summary>
    public bool ViewsAfterSwap => true;

    public string? SessionSql => null;

    public async Task<IReadOnlyList<string>> CleanAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenTargetAsync(cancellationToken).ConfigureAwait(false);
        var schemas = new List<string>();
        await using (var command = (SqlCommand)connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sys.schemas WHERE name LIKE @s OR name LIKE @o ORDER BY name";
            command.Parameters.AddWithValue("@s", "%" + StagingAreas.StagingSuffix.Replace("_", "[_]", StringComparison.Ordinal));
            command.Parameters.AddWithValue("@o", "%" + StagingAreas.OldSuffix.Replace("_", "[_]", StringComparison.Ordinal));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) schemas.Add(reader.GetString(0));
        }
        foreach (var schema in schemas)
        {
            await DropSchemaAsync(connection, null, schema, cancellationToken).ConfigureAwait(false);
        }
        return schemas.Select(s => "schema " + s).ToList();
    }

    public DatabaseSchema ToStaging(DatabaseSchema mapped) => SchemaRenaming.RenameSchemas(mapped, s => (s ?? "dbo") + StagingAreas.StagingSuffix);

    public IReadOnlyList<string> StagingSchemas(DatabaseSchema staged) =>
        staged.Tables.Select(t => t.Name.Schema).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public async Task<IReadOnlyList<string>> SwapAsync(DatabaseSchema staged, CancellationToken cancellationToken)
    {
        await using var connection = await OpenTargetAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var staging in StagingSchemas(staged))
        {
            var live = staging[..^StagingAreas.StagingSuffix.Length];
            var old = live + StagingAreas.OldSuffix;
            await ExecuteAsync(connection, transaction, $"IF SCHEMA_ID(N'{live.Replace("'", "''", StringComparison.Ordinal)}') IS NULL EXEC('CREATE SCHEMA {D.Quote(live).Replace("'", "''", StringComparison.Ordinal)}')", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"EXEC('CREATE SCHEMA {D.Quote(old).Replace("'", "''", StringComparison.Ordinal)}')", cancellationToken).ConfigureAwait(false);
            foreach (var table in await TablesAsync(connection, transaction, live, cancellationToken).ConfigureAwait(false))
                await ExecuteAsync(connection, transaction, $"ALTER SCHEMA {D.Quote(old)} TRANSFER {D.Quote(live)}.{D.Quote(table)}", cancellationToken).ConfigureAwait(false);
            foreach (var table in await TablesAsync(connection, transaction, staging, cancellationToken).ConfigureAwait(false))
                await ExecuteAsync(connection, transaction, $"ALTER SCHEMA {D.Quote(live)} TRANSFER {D.Quote(staging)}.{D.Quote(table)}", cancellationToken).ConfigureAwait(false);
            await DropSchemaAsync(connection, transaction, old, cancellationToken).ConfigureAwait(false);
            await DropSchemaAsync(connection, transaction, staging, cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return [];
    }

    public async Task<DbConnection> OpenTargetAsync(CancellationToken cancellationToken) =>
        await Pipeline.OpenDatabase.TargetAsync(target, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// An exclusive session applock (sp_getapplock, timeout 0) on <c>sdv-connector:&lt;db&gt;</c>, held by an unpooled
    /// connection. From the documentation; not yet run against a server.
    /// </summary>
    public async Task<IRunLock?> TryLockAsync(CancellationToken cancellationToken)
    {
        var builder = new SqlConnectionStringBuilder(target.ConnectionString) { Pooling = false };
        return await ConnectionRunLock.TryTakeAsync(target with { ConnectionString = builder.ConnectionString }, null,
            "DECLARE @r int; EXEC @r = sp_getapplock @Resource = @name, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 0; SELECT CASE WHEN @r >= 0 THEN 1 ELSE 0 END;",
            "EXEC sp_releaseapplock @Resource = @name, @LockOwner = 'Session'", [new("@name", LockName)], cancellationToken).ConfigureAwait(false);
    }

    public string LockDescription => $"applock '{LockName}' on {target.Redacted}";

    /// <summary>sp_getapplock's resource (at most 255 characters): one per database.</summary>
    private string LockName
    {
        get
        {
            var catalog = new SqlConnectionStringBuilder(target.ConnectionString).InitialCatalog;
            var name = "sdv-connector:" + (string.IsNullOrEmpty(catalog) ? target.DatabaseName : catalog);
            return name.Length > 255 ? name[..255] : name;
        }
    }

    public string? LiveSchema(string? stagingSchema) => StagingAreas.WithoutStagingSuffix(stagingSchema);

    private static async Task<List<string>> TablesAsync(DbConnection connection, DbTransaction? transaction, string schema, CancellationToken cancellationToken)
    {
        var tables = new List<string>();
        await using var command = (SqlCommand)connection.CreateCommand();
        command.Transaction = (SqlTransaction?)transaction;
        command.CommandText = "SELECT o.name FROM sys.objects o JOIN sys.schemas s ON s.schema_id = o.schema_id WHERE s.name = @s AND o.type IN ('U', 'V') ORDER BY o.name";
        command.Parameters.AddWithValue("@s", schema);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) tables.Add(reader.GetString(0));
        return tables;
    }

    /// <summary>Drops a schema's foreign keys, views and tables, then the schema.</summary>
    private static async Task DropSchemaAsync(DbConnection connection, DbTransaction? transaction, string schema, CancellationToken cancellationToken)
    {
        var literal = schema.Replace("'", "''", StringComparison.Ordinal);
        await ExecuteAsync(connection, transaction,
            "DECLARE @sql nvarchar(max) = N'';" +
            $"SELECT @sql += N'ALTER TABLE ' + QUOTENAME(s.name) + N'.' + QUOTENAME(t.name) + N' DROP CONSTRAINT ' + QUOTENAME(f.name) + N';' FROM sys.foreign_keys f JOIN sys.tables t ON t.object_id = f.parent_object_id JOIN sys.schemas s ON s.schema_id = t.schema_id WHERE s.name = N'{literal}';" +
            $"SELECT @sql += N'DROP VIEW ' + QUOTENAME(s.name) + N'.' + QUOTENAME(v.name) + N';' FROM sys.views v JOIN sys.schemas s ON s.schema_id = v.schema_id WHERE s.name = N'{literal}';" +
            $"SELECT @sql += N'DROP TABLE ' + QUOTENAME(s.name) + N'.' + QUOTENAME(t.name) + N';' FROM sys.tables t JOIN sys.schemas s ON s.schema_id = t.schema_id WHERE s.name = N'{literal}';" +
            $"IF SCHEMA_ID(N'{literal}') IS NOT NULL SET @sql += N'DROP SCHEMA ' + QUOTENAME(N'{literal}') + N';';" +
            "EXEC sp_executesql @sql;", cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
