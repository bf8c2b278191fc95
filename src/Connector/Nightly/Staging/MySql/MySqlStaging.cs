using System.Data.Common;
using System.Text.RegularExpressions;
using MySqlConnector;
using Sdv.Connector.Connections;
using Sdv.Connector.Engines;
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

    public bool ViewsAfterSwap => false;

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

    /// <summary>
    /// Tables go to the staging database. MariaDB writes a sequence's database into a default that draws from it
    /// (<c>nextval(`shop`.`s`)</c>, read so from the source): written as it is, the clone would draw from the source's
    /// sequence (on the same server) or fail (elsewhere). The source database's name in defaults, generated columns,
    /// checks and views is made the staging one; the swap makes it the live one.
    /// </summary>
    public DatabaseSchema ToStaging(DatabaseSchema mapped)
    {
        ArgumentNullException.ThrowIfNull(mapped);
        Func<string, string>? sql = null;
        if (!string.IsNullOrEmpty(mapped.DatabaseName) && mapped.Tables.Any(t => SchemaMapper.SourceEngineOf(t) == DatabaseEngine.MySql))
        {
            var from = D.Quote(mapped.DatabaseName) + ".";
            var to = D.Quote(_staging) + ".";
            sql = text => text.Replace(from, to, StringComparison.Ordinal);
        }
        return SchemaRenaming.RenameSchemas(mapped, s => s == _live ? _staging : s, sql);
    }

    public IReadOnlyList<string> StagingSchemas(DatabaseSchema staged) => [];

    /// <summary>
    /// One RENAME TABLE moves every live table and sequence to <c>db__sdv_old</c> and every staged one into <c>db</c>; the
    /// server applies it whole or not at all. What RENAME TABLE cannot move is handled around it: views, triggers,
    /// procedures and functions of staging are read (SHOW CREATE) and dropped, the previous clone's are dropped (and put
    /// back if the rename fails), and after the rename the staged ones are created in <c>db</c> with every
    /// <c>db__sdv_staging</c> in their text made <c>db</c>. Column defaults keep the database they were written with
    /// (<c>nextval(`db__sdv_staging`.`s`)</c>), so those that name staging are set again. Between the rename and the last
    /// view (milliseconds) the new tables are in place without their views and triggers.
    /// </summary>
    public async Task<IReadOnlyList<string>> SwapAsync(DatabaseSchema staged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        await using var connection = await OpenTargetAsync(cancellationToken).ConfigureAwait(false);
        var live = await MySqlDatabaseObjects.ReadAsync(connection, _live, cancellationToken).ConfigureAwait(false);
        var next = await MySqlDatabaseObjects.ReadAsync(connection, _staging, cancellationToken).ConfigureAwait(false);
        var sqlMode = Convert.ToString(await ScalarAsync(connection, "SELECT @@SESSION.sql_mode", cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        foreach (var item in next.TextObjects) await ExecuteAsync(connection, item.DropSql(_staging, D.Quote), cancellationToken).ConfigureAwait(false);
        foreach (var item in live.TextObjects) await ExecuteAsync(connection, item.DropSql(_live, D.Quote), cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"CREATE DATABASE IF NOT EXISTS {D.Quote(_old)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", cancellationToken).ConfigureAwait(false);
        var moves = live.Tables.Select(t => $"{D.Quote(_live)}.{D.Quote(t)} TO {D.Quote(_old)}.{D.Quote(t)}")
            .Concat(next.Tables.Select(t => $"{D.Quote(_staging)}.{D.Quote(t)} TO {D.Quote(_live)}.{D.Quote(t)}")).ToList();
        try
        {
            // One statement: the server renames all of them or none.
            if (moves.Count > 0) await ExecuteAsync(connection, "RENAME TABLE " + string.Join(", ", moves), cancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            // The previous clone stays as it was: its views, triggers and routines go back.
            await CreateAsync(connection, live, text => text, sqlMode, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        var warnings = new List<string>();
        await RepointDefaultsAsync(connection, cancellationToken).ConfigureAwait(false);
        warnings.AddRange(await CreateAsync(connection, next, ToLive, sqlMode, cancellationToken).ConfigureAwait(false));
        await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {D.Quote(_old)}", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {D.Quote(_staging)}", cancellationToken).ConfigureAwait(false);
        return warnings;
    }

    /// <summary>A staging object's text with every reference to the staging database made one to the live database.</summary>
    public string ToLive(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var text = sql.Replace(D.Quote(_staging) + ".", D.Quote(_live) + ".", StringComparison.Ordinal);
        // The database name unquoted, as a word of its own before a dot.
        var replacement = D.Quote(_live) + ".";
        return Regex.Replace(text, $@"(?<![\w$`]){Regex.Escape(_staging)}\.", _ => replacement);
    }

    /// <summary>
    /// Routines first (views and triggers may call them), then views until a pass creates none (a view may read another),
    /// then triggers in firing order, each under the sql_mode it was written with. Returns what could not be created.
    /// </summary>
    private async Task<List<string>> CreateAsync(DbConnection connection, MySqlDatabaseObjects objects, Func<string, string> rewrite, string sqlMode, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var errors = new Dictionary<MySqlTextObject, string>();
        async Task<bool> TryAsync(MySqlTextObject item)
        {
            try
            {
                await ExecuteAsync(connection, $"SET SESSION sql_mode = {MySqlDialect.Literal(item.SqlMode.Length > 0 ? item.SqlMode : sqlMode)}", cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, rewrite(item.CreateSql), cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (DbException e)
            {
                errors[item] = e.Message;
                return false;
            }
        }
        foreach (var routine in objects.Routines) await TryAsync(routine).ConfigureAwait(false);
        var pending = objects.Views.ToList();
        for (var progress = true; progress && pending.Count > 0;)
        {
            progress = false;
            foreach (var view in pending.ToList())
            {
                if (!await TryAsync(view).ConfigureAwait(false)) continue;
                pending.Remove(view);
                errors.Remove(view);
                progress = true;
            }
        }
        foreach (var trigger in objects.Triggers) await TryAsync(trigger).ConfigureAwait(false);
        await ExecuteAsync(connection, $"SET SESSION sql_mode = {MySqlDialect.Literal(sqlMode)}", CancellationToken.None).ConfigureAwait(false);
        foreach (var (item, error) in errors.OrderBy(e => e.Key.Kind, StringComparer.Ordinal).ThenBy(e => e.Key.Name, StringComparer.Ordinal))
        {
            warnings.Add($"{item.Kind.ToLowerInvariant()} {_live}.{item.Name} could not be created after the swap: {error}");
        }
        return warnings;
    }

    /// <summary>Column defaults of the live database that still name staging (a sequence's nextval), set again with the live name.</summary>
    private async Task RepointDefaultsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var defaults = new List<(string Table, string Column, string Default)>();
        await using (var command = (MySqlCommand)connection.CreateCommand())
        {
            command.CommandText = "SELECT table_name, column_name, column_default FROM information_schema.columns WHERE table_schema = @db AND INSTR(column_default, @staging) > 0 ORDER BY table_name, ordinal_position";
            command.Parameters.AddWithValue("@db", _live);
            command.Parameters.AddWithValue("@staging", _staging);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) defaults.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        foreach (var (table, column, value) in defaults)
        {
            await ExecuteAsync(connection, $"ALTER TABLE {D.Quote(_live)}.{D.Quote(table)} ALTER COLUMN {D.Quote(column)} SET DEFAULT ({ToLive(value)})", cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
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
