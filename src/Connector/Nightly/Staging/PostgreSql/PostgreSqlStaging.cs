using System.Data.Common;
using Npgsql;
using Sdv.Connector.Connections;
using Sdv.Connector.Engines.PostgreSql;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis;

namespace Sdv.Connector.Nightly.Staging.PostgreSql;

/// <summary>
/// PostgreSQL: each schema of the clone is written as <c>schema__sdv_staging</c> in the target
/// database, then swapped in one transaction (ALTER SCHEMA ... RENAME is transactional DDL):
/// the live schema becomes <c>schema__sdv_old</c>, staging takes its name, the old one is
/// dropped. Other sessions see the old clone until the commit and the new one after it.
/// A renamed schema keeps no grants of the old one: the job's own role owns the new schema.
/// </summary>
internal sealed class PostgreSqlStaging(DatabaseEndpoint target) : IStagingArea
{
    private static readonly PostgreSqlDialect D = PostgreSqlDialect.Instance;

    public string Description => "schemas *" + StagingAreas.StagingSuffix + " of " + target.Redacted;

    public DatabaseEndpoint Endpoint => target;

    public bool ViewsAfterSwap => false;

    /// <summary>Set per run by <see cref="ToStaging"/>: unqualified names in view definitions resolve into staging.</summary>
    public string? SessionSql { get; private set; }

    public async Task<IReadOnlyList<string>> CleanAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenTargetAsync(cancellationToken).ConfigureAwait(false);
        var leftovers = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT nspname FROM pg_namespace WHERE right(nspname, length(@s)) = @s OR right(nspname, length(@o)) = @o ORDER BY nspname";
            command.Parameters.Add(new NpgsqlParameter<string>("s", StagingAreas.StagingSuffix));
            command.Parameters.Add(new NpgsqlParameter<string>("o", StagingAreas.OldSuffix));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) leftovers.Add(reader.GetString(0));
        }
        foreach (var schema in leftovers)
        {
            await ExecuteAsync(connection, null, $"DROP SCHEMA IF EXISTS {D.Quote(schema)} CASCADE", cancellationToken).ConfigureAwait(false);
        }
        return leftovers.Select(s => "schema " + s).ToList();
    }

    public DatabaseSchema ToStaging(DatabaseSchema mapped)
    {
        var staged = StagingAreas.RenameSchemas(mapped, s => s is null ? null : s + StagingAreas.StagingSuffix);
        SessionSql = "SET search_path TO " + string.Join(", ", StagingSchemas(staged).Select(D.Quote));
        return staged;
    }

    public IReadOnlyList<string> StagingSchemas(DatabaseSchema staged) =>
        staged.Tables.Select(t => t.Name.Schema).Concat(staged.UserTypes.Select(u => u.Name.Schema)).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public async Task SwapAsync(DatabaseSchema staged, CancellationToken cancellationToken)
    {
        await using var connection = await OpenTargetAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var staging in StagingSchemas(staged))
        {
            var live = staging[..^StagingAreas.StagingSuffix.Length];
            var old = live + StagingAreas.OldSuffix;
            await ExecuteAsync(connection, transaction, $"ALTER SCHEMA {D.Quote(live)} RENAME TO {D.Quote(old)}", cancellationToken, ifExists: live).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"ALTER SCHEMA {D.Quote(staging)} RENAME TO {D.Quote(live)}", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"DROP SCHEMA IF EXISTS {D.Quote(old)} CASCADE", cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<DbConnection> OpenTargetAsync(CancellationToken cancellationToken) =>
        await Pipeline.OpenDatabase.TargetAsync(target, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// A session-level advisory lock keyed by a stable hash of the database's name. The key covers the whole
    /// database, not a schema: <see cref="CleanAsync"/> removes every <c>*__sdv_staging</c> schema of it, so two
    /// runs into one database would undo each other whatever schemas their clones have.
    /// </summary>
    public async Task<IRunLock?> TryLockAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Pooling = false, ApplicationName = "sdv-connector run (lock)" };
        return await ConnectionRunLock.TryTakeAsync(target with { ConnectionString = builder.ConnectionString }, null,
            "SELECT pg_try_advisory_lock(@key)::int", "SELECT pg_advisory_unlock(@key)", [new("@key", LockKey)], cancellationToken).ConfigureAwait(false);
    }

    public string LockDescription => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"advisory lock {LockKey} on {target.Redacted} (its holder: SELECT pid, application_name FROM pg_locks JOIN pg_stat_activity USING (pid) WHERE locktype = 'advisory')");

    /// <summary>The advisory lock's key: a stable 64-bit hash of the database's name.</summary>
    public long LockKey => unchecked((long)StableHash.Fnv1a("sdv-connector:" + (new NpgsqlConnectionStringBuilder(target.ConnectionString).Database ?? target.DatabaseName)));

    public string? LiveSchema(string? stagingSchema) => StagingAreas.WithoutStagingSuffix(stagingSchema);

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, string? ifExists = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (ifExists is not null)
        {
            // Rename only a schema that exists: the first run has no previous clone.
            command.CommandText = "SELECT count(*) FROM pg_namespace WHERE nspname = @n";
            command.Parameters.Add(new NpgsqlParameter<string>("n", ifExists));
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0) return;
            command.Parameters.Clear();
        }
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
