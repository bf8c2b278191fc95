using System.Data.Common;
using System.Globalization;
using Sdv.Connector.Engines;
using Sdv.Connector.Nightly.Staging;
using Sdv.Connector.Pipeline;
using Sdv.Connector.Progress;
using Sdv.Connector.SchemaIntrospection.Engines;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.MultiTable;

namespace Sdv.Connector.Nightly;

/// <summary>
/// Writes a model's synthetic database into a staging area, the way <see cref="SampleStep"/> writes
/// a target (schema, bulk loads of independent tables at the same time, cycle-closing updates, foreign keys validated by the
/// engine, indexes, views, identities), but under the staging names, with the configuration's
/// column overrides applied to the rows, and then checks it: every table holds the rows that were
/// written, tables the source had rows in are not empty, and every table and foreign key exists.
/// A failure anywhere leaves only staging objects behind; the target is not touched.
/// </summary>
internal static class StagingWriter
{
    public static async Task<StagedClone> WriteAsync(StagingWriteRequest request, RunProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (model, staging, seed, scale, overrides, hooks, attempt, maxParallel) = request;
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(hooks);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallel, 1);
        var adapter = OpenDatabase.Adapter(staging.Endpoint);
        var warnings = new List<string>(model.Warnings);
        string? liveDefault;
        await using (var target = await staging.OpenTargetAsync(cancellationToken)) liveDefault = adapter.DefaultSchema(target);
        var mapped = SchemaMapper.ToTarget(model.Schema, adapter.Engine, liveDefault, warnings);
        var staged = staging.ToStaging(mapped);
        var byName = model.Schema.Tables.Select((t, i) => (t.Name, Staged: staged.Tables[i])).ToDictionary(p => p.Name, p => p.Staged);

        var endpoint = TableLoader.ForBulkLoad(adapter, staging.Endpoint);
        await using var connection = await OpenDatabase.TargetAsync(endpoint, cancellationToken);
        // Before the first object: unqualified names in defaults and checks must resolve in staging too.
        if (staging.SessionSql is { } session) await ExecuteAsync(connection, session, cancellationToken);
        // Routines that name the live schema wait for the swap (see RoutinesAfterSwap); triggers always do.
        await adapter.SchemaWriter.CreateTablesAsync(connection, staging.RoutinesAfterSwap ? staged with { Routines = [] } : staged, cancellationToken);

        using var sampler = new DatabaseSampler(model, seed, scale);
        // Every connection that loads a table needs the staging's session (PostgreSQL: its search_path).
        async Task<DbConnection> OpenAsync(CancellationToken ct)
        {
            var extra = await OpenDatabase.TargetAsync(endpoint, ct);
            try
            {
                if (staging.SessionSql is { } sql) await ExecuteAsync(extra, sql, ct);
                return extra;
            }
            catch
            {
                await extra.DisposeAsync();
                throw;
            }
        }
        var load = new TableLoader.LoadOptions(
            TableLoader.ParallelFor(adapter, maxParallel),
            OpenAsync,
            overrides.Apply,
            hooks.AfterTableLoaded is { } hook ? (db, table, ct) => hook(db, table.Name, attempt, ct) : null,
            (table, ct) => hooks.StepAsync("load " + table, ct),
            sampler.ExpectedRowsOf);
        var rows = await TableLoader.LoadAsync(new TableLoadRequest(sampler, model.Plan.Tables.Select(t => t.Table).ToList(), byName, adapter.BulkWriter, connection), load, progress, cancellationToken);
        progress.Phase(Phases.Load);
        progress.Step(Phases.Load, "keys that close cycles");
        foreach (var update in sampler.DeferredUpdates())
        {
            await SampleStep.ApplyAsync(connection, adapter.Dialect, byName[update.Table], update, cancellationToken);
        }
        progress.Step(Phases.Load, "foreign keys, indexes, views, identities and statistics");
        await adapter.SchemaWriter.CreateForeignKeysAndIndexesAsync(connection, staged, cancellationToken);
        if (!staging.ViewsAfterSwap) warnings.AddRange(await adapter.SchemaWriter.CreateViewsAsync(connection, staged, cancellationToken));
        await adapter.SchemaWriter.ResetIdentitiesAsync(connection, staged, cancellationToken);
        await adapter.SchemaWriter.AnalyzeAsync(connection, staged, cancellationToken);
        warnings.AddRange(sampler.Warnings);

        await hooks.StepAsync("check", cancellationToken);
        progress.Step(Phases.Load, "checking the staged clone");
        await CheckAsync(new StagingCheckRequest(connection, adapter, staging, staged, byName), model, rows, scale.Factor, cancellationToken);
        var targetRows = rows.ToDictionary(p => mapped.Tables[model.Schema.Tables.ToList().FindIndex(t => t.Name.Equals(p.Key))].Name, p => p.Value);
        return new StagedClone(staged, mapped, targetRows, warnings);
    }

    /// <summary>Checks the staged clone: the rows each table holds against <paramref name="rows"/> (corrected where an exclusion constraint removed some), and that every table and foreign key exists.</summary>
    private static async Task CheckAsync(StagingCheckRequest check, DatabaseModel model, Dictionary<QualifiedName, long> rows, double scale, CancellationToken cancellationToken)
    {
        var (connection, adapter, staging, staged, byName) = check;
        var problems = new List<string>();
        foreach (var (name, table) in byName)
        {
            await using var command = connection.CreateCommand();
            // A PostgreSQL table others inherit from counts their rows too: ONLY counts its own.
            command.CommandText = $"SELECT COUNT(*) FROM {(IsInheritedFrom(staged, table) ? "ONLY " : "")}{adapter.Dialect.Quote(table.Name)}";
            var count = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            var written = rows.GetValueOrDefault(name);
            // Under a PostgreSQL exclusion constraint, the synthetic rows that conflict are removed (with a warning) so it holds.
            var removable = table.Annotations.Keys.Any(k => k.StartsWith("postgresql:exclusion:", StringComparison.Ordinal));
            if (removable ? count > written : count != written) problems.Add($"{table.Name} holds {count} rows, {written} were written");
            else if (removable) rows[name] = count; // the summary reports the rows the clone holds
            // A scaled-down child may legitimately come out empty; a table the source filled, at full scale, may not.
            if (count == 0 && model.Entry(name).SourceRows * scale >= 10) problems.Add($"{table.Name} is empty, the source has {model.Entry(name).SourceRows} rows");
        }
        var schemas = staging.StagingSchemas(staged);
        var options = schemas.Count == 0 ? IntrospectionOptions.Default : new IntrospectionOptions { Schemas = schemas };
        var found = await adapter.Introspector.IntrospectAsync(connection, options, cancellationToken);
        var tablesFound = found.Tables.Select(t => t.Name.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var table in staged.Tables.Where(t => !tablesFound.Contains(t.Name.Name))) problems.Add($"table {table.Name} is missing");
        var expectedKeys = staged.ForeignKeys.Count();
        var foundKeys = found.ForeignKeys.Count();
        if (foundKeys < expectedKeys) problems.Add($"{expectedKeys} foreign keys expected, {foundKeys} found");
        if (problems.Count > 0)
        {
            throw new StagingCheckException($"The new clone failed its checks before the swap ({string.Join("; ", problems)}); the previous clone was kept. The staging ({staging.Description}) is left for inspection and removed by the next run.");
        }
    }

    /// <summary>True where another staged table INHERITS from <paramref name="table"/> (PostgreSQL; the annotation lists quoted parent names, one a line).</summary>
    private static bool IsInheritedFrom(DatabaseSchema staged, TableSchema table)
    {
        var quoted = IdentifierQuoting.DoubleQuotes.Quote(table.Name.Name);
        return staged.Tables.Any(t => t.Annotations.TryGetValue("postgresql:inherits", out var parents)
            && parents.Split('\n').Any(p => p.Trim() == quoted || p.Trim().EndsWith("." + quoted, StringComparison.Ordinal)));
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
