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

    public bool RoutinesAfterSwap => true;

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

    /// <summary>
    /// Every schema of the clone gets its staging schema, and every definition that names one of them (a view, an index,
    /// a default, a check, a domain, a type) is pointed at the staging schema (<see cref="PostgreSqlStagingNames"/>): the
    /// objects are bound to staging when they are created, and the swap's rename makes them name the live schema.
    /// </summary>
    public DatabaseSchema ToStaging(DatabaseSchema mapped)
    {
        ArgumentNullException.ThrowIfNull(mapped);
        var stagingOf = SchemasOf(mapped).ToDictionary(s => s, s => s + StagingAreas.StagingSuffix, StringComparer.Ordinal);
        var names = new PostgreSqlStagingNames(stagingOf, PostgreSqlStagingNames.ObjectsOf(mapped));
        var staged = SchemaRenaming.RenameSchemas(mapped, s => s is null ? null : s + StagingAreas.StagingSuffix, names.Rewrite, names.RewriteType);
        // Unqualified names resolve in staging only (public's first, as in the source's default search_path), never in a
        // live schema: an object bound to the live clone would be dropped with it at the swap. Function bodies are text
        // run later, under the live names: they are not checked against staging when created.
        var path = StagingSchemas(staged).OrderBy(s => s == "public" + StagingAreas.StagingSuffix ? 0 : 1).ThenBy(s => s, StringComparer.Ordinal);
        SessionSql = $"SET search_path TO {string.Join(", ", path.Select(D.Quote))}; SET check_function_bodies = off";
        return staged;
    }

    public IReadOnlyList<string> StagingSchemas(DatabaseSchema staged) => SchemasOf(staged);

    /// <summary>The schemas that hold something of the clone: tables, types, views, sequences.</summary>
    private static List<string> SchemasOf(DatabaseSchema schema) =>
        schema.Tables.Select(t => t.Name.Schema)
            .Concat(schema.UserTypes.Select(u => u.Name.Schema))
            .Concat(schema.Views.Select(v => v.Name.Schema))
            .Concat(schema.Sequences.Select(s => s.Name.Schema))
            .OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// In one transaction, per schema: the live one becomes <c>schema__sdv_old</c>, staging takes its name, and the old
    /// one is dropped. Before the drop, nothing of the new clone may depend on the old one (a definition created in
    /// staging with a live name): such a swap is rolled back, the previous clone kept, and the run fails its checks.
    /// Objects outside the clone that depended on the previous clone go with it, each named in a warning.
    /// </summary>
    public async Task<IReadOnlyList<string>> SwapAsync(DatabaseSchema staged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        await using var connection = await OpenTargetAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var swapped = new List<(string Live, string Old)>();
        foreach (var staging in StagingSchemas(staged))
        {
            var live = StagingAreas.WithoutStagingSuffix(staging)!;
            var old = live + StagingAreas.OldSuffix;
            await ExecuteAsync(connection, transaction, $"ALTER SCHEMA {D.Quote(live)} RENAME TO {D.Quote(old)}", cancellationToken, ifExists: live).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"ALTER SCHEMA {D.Quote(staging)} RENAME TO {D.Quote(live)}", cancellationToken).ConfigureAwait(false);
            swapped.Add((live, old));
        }
        var warnings = new List<string>();
        var dependents = await DependentsOfOldAsync(connection, transaction, swapped, cancellationToken).ConfigureAwait(false);
        var inClone = dependents.Where(d => d.InClone).Select(d => d.Description).ToList();
        if (inClone.Count > 0)
        {
            throw new StagingCheckException($"The new clone refers to the previous one, which the swap drops ({string.Join("; ", inClone.Take(10))}"
                + $"{(inClone.Count > 10 ? $"; {inClone.Count - 10} more" : "")}); the swap was rolled back and the previous clone kept. "
                + "This is a bug in how the staging names its objects: please report it with these names.");
        }
        foreach (var outside in dependents.Where(d => !d.InClone))
        {
            warnings.Add($"{outside.Description}, outside the clone, depended on the previous clone and was dropped with it.");
        }
        foreach (var (_, old) in swapped)
        {
            await ExecuteAsync(connection, transaction, $"DROP SCHEMA IF EXISTS {D.Quote(old)} CASCADE", cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return warnings;
    }

    /// <summary>
    /// Objects outside the <c>__sdv_old</c> schemas that depend on something inside them (a view, default, constraint,
    /// trigger or column bound to the previous clone): <c>DROP SCHEMA ... CASCADE</c> would drop them silently.
    /// </summary>
    private static async Task<List<(string Description, bool InClone)>> DependentsOfOldAsync(DbConnection connection, DbTransaction transaction,
        List<(string Live, string Old)> swapped, CancellationToken cancellationToken)
    {
        var result = new List<(string, bool)>();
        if (swapped.Count == 0) return result;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = DependentsSql;
        command.Parameters.Add(new NpgsqlParameter<string[]>("old", swapped.Select(s => s.Old).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("live", swapped.Select(s => s.Live).ToArray()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) result.Add((reader.GetString(0), reader.GetBoolean(1)));
        return result;
    }

    /// <summary>The schema an object lives in, by the catalog it is in (a rule, default or trigger lives in its table's schema).</summary>
    private static string OwnerSchema(string catalog, string oid) => $"""
        CASE {catalog}
          WHEN 'pg_class'::regclass THEN (SELECT relnamespace FROM pg_class WHERE oid = {oid})
          WHEN 'pg_type'::regclass THEN (SELECT typnamespace FROM pg_type WHERE oid = {oid})
          WHEN 'pg_proc'::regclass THEN (SELECT pronamespace FROM pg_proc WHERE oid = {oid})
          WHEN 'pg_constraint'::regclass THEN (SELECT connamespace FROM pg_constraint WHERE oid = {oid})
          WHEN 'pg_rewrite'::regclass THEN (SELECT c.relnamespace FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class WHERE r.oid = {oid})
          WHEN 'pg_attrdef'::regclass THEN (SELECT c.relnamespace FROM pg_attrdef a JOIN pg_class c ON c.oid = a.adrelid WHERE a.oid = {oid})
          WHEN 'pg_trigger'::regclass THEN (SELECT c.relnamespace FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.oid = {oid})
          WHEN 'pg_policy'::regclass THEN (SELECT c.relnamespace FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid WHERE p.oid = {oid})
        END
        """;

    private static readonly string DependentsSql = $"""
        WITH old AS (SELECT oid FROM pg_namespace WHERE nspname = ANY(@old)),
             live AS (SELECT oid FROM pg_namespace WHERE nspname = ANY(@live)),
             dep AS (
               SELECT d.*, {OwnerSchema("d.classid", "d.objid")} AS dependent_schema,
                           {OwnerSchema("d.refclassid", "d.refobjid")} AS referenced_schema
               FROM pg_depend d WHERE d.deptype IN ('n', 'a'))
        SELECT DISTINCT pg_describe_object(classid, objid, objsubid) || ' uses ' || pg_describe_object(refclassid, refobjid, refobjsubid),
               dependent_schema IN (SELECT oid FROM live)
        FROM dep
        WHERE referenced_schema IN (SELECT oid FROM old) AND dependent_schema IS NOT NULL AND dependent_schema NOT IN (SELECT oid FROM old)
        ORDER BY 1
        """;

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
