using System.Data.Common;
using MySqlConnector;
using Sdv.Connector.Connections;
using Sdv.Connector.Engines.MySql;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis;

namespace Sdv.Connector.Nightly.Staging.MySql;

/// <summary>
/// MariaDB/MySQL: the clone is written to the database <c>db__sdv_staging</c> on the same server,
/// then swapped with one RENAME TABLE statement, which the server applies atomically: every old
/// table moves to <c>db__sdv_old</c> and every new one into <c>db</c> (foreign keys follow their
/// tables). Views cannot move between databases, so they are created in <c>db</c> after the swap.
/// </summary>
internal sealed class MySqlStaging : IStagingArea
{
    private static readonly MySqlDialect D = new();
    private readonly DatabaseEndpoint _target;
    private readonly string _live;
    private readonly string _staging;
    private readonly string _old;

    public MySqlStaging(DatabaseEndpoint target)
    {
        _target = target;
        _live = new MySqlConnectionStringBuilder(target.ConnectionString ?? string.Empty).Database;
        if (string.IsNullOrEmpty(_live)) throw new ArgumentException($"The target {target.Redacted} names no database; a nightly refresh needs one.", nameof(target));
        _staging = _live + StagingAreas.StagingSuffix;
        _old = _live + StagingAreas.OldSuffix;
        var builder = new MySqlConnectionStringBuilder(target.ConnectionString!) { Database = _staging };
        Endpoint = target with { ConnectionString = builder.ConnectionString, DatabaseName = _staging, Redacted = $"{target.Redacted} (staging database {_staging})" };
    }

    public string Description => $"database {_staging}";

    public DatabaseEndpoint Endpoint { get; }

    public bool ViewsAfterSwap => true;

    public string? SessionSql => null;

    public async Task<IReadOnlyList<string>> CleanAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenTargetAsync(cancellationToken).ConfigureAwait(false);
        var removed = new List<string>();
        foreach (var name in new[] { _staging, _old })
        {
            if (await ExistsAsync(connection, name, cancellationToken).ConfigureAwait(false)) removed.Add("database " + name);
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {D.Quote(name)}", cancellationToken).ConfigureAwait(false);
        }
        await ExecuteAsync(connection, $"CREATE DATABASE {D.Quote(_staging)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", cancellationToken).ConfigureAwait(false);
        return removed;
    }

    public DatabaseSchema ToStaging(DatabaseSchema mapped) => StagingAreas.RenameSchemas(mapped, s => s == _live ? _staging : s);

    public IReadOnlyList<string> StagingSchemas(DatabaseSchema staged) => [];

    public async Task SwapAsync(DatabaseSchema staged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        await using var connection = await OpenTargetAsync(cancellationToken).ConfigureAwait(false);
        var liveTables = new List<string>();
        var liveViews = new List<string>();
        await using (var command = (MySqlCommand)connection.CreateCommand())
        {
            command.CommandText = "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = @db ORDER BY table_name";
            command.Parameters.AddWithValue("@db", _live);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                (reader.GetString(1) == "VIEW" ? liveViews : liveTables).Add(reader.GetString(0));
            }
        }
        foreach (var view in liveViews)
        {
            await ExecuteAsync(connection, $"DROP VIEW IF EXISTS {D.Quote(_live)}.{D.Quote(view)}", cancellationToken).ConfigureAwait(false);
        }
        await ExecuteAsync(connection, $"CREATE DATABASE IF NOT EXISTS {D.Quote(_old)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", cancellationToken).ConfigureAwait(false);
        var moves = liveTables.Select(t => $"{D.Quote(_live)}.{D.Quote(t)} TO {D.Quote(_old)}.{D.Quote(t)}")
            .Concat(staged.Tables.Select(t => $"{D.Quote(_staging)}.{D.Quote(t.Name.Name)} TO {D.Quote(_live)}.{D.Quote(t.Name.Name)}"));
        // One statement: the server renames all of them or none.
        await ExecuteAsync(connection, "RENAME TABLE " + string.Join(", ", moves), cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {D.Quote(_old)}", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {D.Quote(_staging)}", cancellationToken).ConfigureAwait(false);
    }

    public async Task<DbConnection> OpenTargetAsync(CancellationToken cancellationToken) =>
        await Pipeline.OpenDatabase.TargetAsync(_target, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// A named lock (GET_LOCK) held by the session: <c>sdv-connector:&lt;db&gt;</c>, or for a name past the server's
    /// 64-character limit, its first characters and a stable hash of the whole. The session's wait_timeout is raised
    /// so that a long run's idle lock connection is not closed by the server (which would release the lock).
    /// </summary>
    public async Task<IRunLock?> TryLockAsync(CancellationToken cancellationToken)
    {
        var builder = new MySqlConnectionStringBuilder(_target.ConnectionString!) { Pooling = false };
        return await ConnectionRunLock.TryTakeAsync(_target with { ConnectionString = builder.ConnectionString }, "SET SESSION wait_timeout = 31536000",
            "SELECT GET_LOCK(@name, 0)", "SELECT RELEASE_LOCK(@name)", [new("@name", LockName(_live))], cancellationToken).ConfigureAwait(false);
    }

    public string LockDescription => $"lock '{LockName(_live)}' (GET_LOCK) on the server of {_target.Redacted} (its holder's connection: SELECT IS_USED_LOCK('{LockName(_live)}'))";

    /// <summary>The lock's name for a database: at most 64 characters, the server's limit.</summary>
    public static string LockName(string database)
    {
        ArgumentNullException.ThrowIfNull(database);
        const string prefix = "sdv-connector:";
        var name = prefix + database;
        if (name.Length <= 64) return name;
        var hash = StableHash.Fnv1a(database).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        return prefix + database[..(64 - prefix.Length - 1 - hash.Length)] + ":" + hash;
    }

    public string? LiveSchema(string? stagingSchema) => string.Equals(stagingSchema, _staging, StringComparison.Ordinal) ? _live : stagingSchema;

    private static async Task<bool> ExistsAsync(DbConnection connection, string database, CancellationToken cancellationToken)
    {
        await using var command = (MySqlCommand)connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM information_schema.schemata WHERE schema_name = @db";
        command.Parameters.AddWithValue("@db", database);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
