using System.Data.Common;
using System.Runtime.ExceptionServices;
using Sdv.Connector.Connections;
using Sdv.Connector.Engines;
using Sdv.Connector.Failures;
using Sdv.Connector.Progress;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.MultiTable;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// Writes a synthetic database from a model: the target schema (mapped when the engine differs),
/// tables loaded with the engine's bulk path (independent tables at the same time, see <see cref="TableLoader"/>), keys that close cycles filled in a
/// second step, then foreign keys (so the target proves referential integrity), indexes, views,
/// identity resets and statistics. A target that holds tables is refused unless replace is asked.
/// </summary>
internal static class SampleStep
{
    public sealed record Result(DatabaseSchema Target, IReadOnlyDictionary<QualifiedName, long> Rows, IReadOnlyList<string> Warnings);

    public static async Task<Result> RunAsync(DatabaseModel model, DatabaseEndpoint target, SampleSettings settings, RunProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxParallel, 1);
        var (seed, scale, replace) = (settings.Seed, settings.Scale, settings.Replace);
        // A CSV folder has no schema to create or constraints to prove: the rows go to files instead.
        if (target.Kind == EndpointKind.CsvFolder)
            return await Csv.CsvTargetWriter.WriteAsync(model, target, seed, scale, replace, progress, cancellationToken);
        var adapter = OpenDatabase.Adapter(target);
        var warnings = new List<string>(model.Warnings);
        var load = TableLoader.ForBulkLoad(adapter, target);
        await using var connection = await OpenDatabase.TargetAsync(load, cancellationToken);
        var mapped = SchemaMapper.ToTarget(model.Schema, adapter.Engine, adapter.DefaultSchema(connection), warnings);
        if (!settings.CopyRoutines) mapped = mapped with { Routines = [], Triggers = [] };
        var byName = model.Schema.Tables.Select((t, i) => (t.Name, Mapped: mapped.Tables[i])).ToDictionary(p => p.Name, p => p.Mapped);

        var existing = await adapter.Introspector.IntrospectAsync(connection, IntrospectionOptions.Default, cancellationToken);
        if (existing.Tables.Count > 0)
        {
            if (!replace) throw NotEmpty(target, existing);
            await adapter.SchemaWriter.DropTablesAsync(connection, existing.Tables.Select(t => t.Name).ToList(), cancellationToken);
            progress.Line($"replaced: dropped {existing.Tables.Count} table(s) of the target");
        }

        DatabaseSampler? sampler = null;
        IReadOnlyDictionary<QualifiedName, long>? rowsWritten = null;
        ExceptionDispatchInfo? failure = null;
        try
        {
            var unread = UnreadChecks(mapped);
            await adapter.SchemaWriter.CreateTablesAsync(connection, adapter.SchemaWriter.AddsChecksAfterLoad ? WithoutChecks(mapped, unread) : mapped, cancellationToken);
            sampler = new DatabaseSampler(model, seed, scale);
            var options = new TableLoader.LoadOptions(TableLoader.ParallelFor(adapter, settings.MaxParallel), ct => OpenDatabase.TargetAsync(load, ct),
                Expected: sampler.ExpectedRowsOf);
            rowsWritten = await TableLoader.LoadAsync(new TableLoadRequest(sampler, model.Plan.Tables.Select(t => t.Table).ToList(), byName, adapter.BulkWriter, connection), options, progress, cancellationToken);

            progress.Phase(Phases.Load);
            progress.Step(Phases.Load, "keys that close cycles");
            foreach (var update in sampler.DeferredUpdates())
            {
                await ApplyAsync(connection, adapter.Dialect, byName[update.Table], update, cancellationToken);
            }

            progress.Step(Phases.Load, "foreign keys and indexes");
            await adapter.SchemaWriter.CreateForeignKeysAndIndexesAsync(connection, mapped, cancellationToken);
            if (unread.Count > 0)
            {
                progress.Step(Phases.Load, "checks this tool does not read");
                warnings.AddRange(await AddUnreadChecksAsync(connection, adapter, unread, cancellationToken));
            }

            progress.Step(Phases.Load, "views and triggers");
            warnings.AddRange(await adapter.SchemaWriter.CreateViewsAsync(connection, mapped, cancellationToken));
            // Last of the objects: a trigger must not fire on the synthetic rows or the cycle-closing updates.
            warnings.AddRange(await adapter.SchemaWriter.CreateTriggersAsync(connection, mapped, cancellationToken));
            progress.Step(Phases.Load, "identities and statistics");
            await adapter.SchemaWriter.ResetIdentitiesAsync(connection, mapped, cancellationToken);
            await adapter.SchemaWriter.AnalyzeAsync(connection, mapped, cancellationToken);
        }
        catch (Exception e)
        {
            failure = ExceptionDispatchInfo.Capture(e);
        }
        if (failure is not null)
        {
            // The run's own connection goes first: it may hold the failed write (SQLite's file lock, an aborted transaction).
            await connection.DisposeAsync();
            sampler?.Dispose();
            await RemoveAsync(load, adapter, mapped);
            failure.Throw();
        }
        warnings.AddRange(sampler!.Warnings);
        sampler.Dispose();
        warnings.AddRange(adapter.SchemaWriter.Warnings.Where(w => !warnings.Contains(w)));
        return new Result(mapped, rowsWritten!, warnings);
    }

    /// <summary>
    /// A clone that failed or was cancelled part-way removes the tables it created, so the target is
    /// left as the run found it (with --replace: without the tables it had already dropped). Runs on
    /// a connection of its own, uncancelled, because the run's connection may be what failed.
    /// </summary>
    /// <summary>The CHECKs the sampler does not read (a function call, a subquery): no row is known to meet them.</summary>
    private static List<(TableSchema Table, CheckConstraintSchema Check)> UnreadChecks(DatabaseSchema schema) =>
        [.. schema.Tables.SelectMany(t => t.CheckConstraints.Where(static c => !PortableChecks.IsUnderstood(c.Expression)).Select(c => (t, c)))];

    private static DatabaseSchema WithoutChecks(DatabaseSchema schema, List<(TableSchema Table, CheckConstraintSchema Check)> unread) => unread.Count == 0 ? schema : schema with
    {
        Tables = [.. schema.Tables.Select(t => t with { CheckConstraints = [.. t.CheckConstraints.Where(c => !unread.Any(u => ReferenceEquals(u.Check, c)))] })],
    };

    /// <summary>
    /// The CHECKs the sampler does not read, after the load: the rows that break each are counted, and where the engine can
    /// add a CHECK to a loaded table it does, judging the loaded rows only where none breaks it. A clone of a table with
    /// <c>CHECK (lower(email) = email)</c> loads whole, where the target refused it before; the warnings say what holds.
    /// </summary>
    private static async Task<List<string>> AddUnreadChecksAsync(DbConnection connection, IEngineAdapter adapter, List<(TableSchema Table, CheckConstraintSchema Check)> unread,
        CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        foreach (var (table, check) in unread)
        {
            var body = PortableChecks.BodyOf(check.Expression);
            long? breaking = null;
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM {adapter.Dialect.Quote(table.Name)} WHERE NOT ({body})";
                command.CommandTimeout = 0;
                breaking = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (DbException)
            {
                // Counted where the engine can; an expression it reads only as a constraint is added unjudged.
            }

            if (adapter.SchemaWriter.AddsChecksAfterLoad)
            {
                await adapter.SchemaWriter.AddCheckAfterLoadAsync(connection, table, check, breaking != 0, cancellationToken);
            }

            if (breaking == 0) continue;
            var rows = breaking is { } n ? $"{n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} row(s) of {table.Name} break" : $"Rows of {table.Name} may break";
            warnings.Add($"{rows} CHECK {body}, a form this tool does not read, so the synthetic rows were not made to meet it; "
                + (adapter.SchemaWriter.AddsChecksAfterLoad ? "it was added to the table for new rows without judging the loaded ones." : "the table has it, but the load did not judge it.")
                + " Please report the CHECK's form.");
        }

        return warnings;
    }

    /// <summary>
    /// Before a fit that may take long: the target can be opened and is empty, or <paramref name="replace"/> was given,
    /// so a wrong name, a missing database or a target that holds tables fails in seconds, not after the fit. A SQLite
    /// file that does not exist yet is new, hence empty, and is not created here.
    /// </summary>
    public static async Task CheckTargetAsync(DatabaseEndpoint target, bool replace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Kind != EndpointKind.Database || (target.Path is { } path && !File.Exists(path))) return;
        var adapter = OpenDatabase.Adapter(target);
        await using var connection = await OpenDatabase.TargetAsync(TableLoader.ForBulkLoad(adapter, target), cancellationToken);
        if (replace) return;
        var existing = await adapter.Introspector.IntrospectAsync(connection, IntrospectionOptions.Default, cancellationToken);
        if (existing.Tables.Count > 0) throw NotEmpty(target, existing);
    }

    private static FailureException NotEmpty(DatabaseEndpoint target, DatabaseSchema existing) => new(FailureKind.Refused,
        $"The target {target.Redacted} already holds {existing.Tables.Count} table(s) ({string.Join(", ", existing.Tables.Take(5).Select(t => t.Name))}{(existing.Tables.Count > 5 ? ", ..." : string.Empty)}); nothing was written. Give --replace to drop and rewrite them, or choose an empty database.");

    private static async Task RemoveAsync(DatabaseEndpoint target, IEngineAdapter adapter, DatabaseSchema created)
    {
        try
        {
            await using var connection = await OpenDatabase.TargetAsync(target, CancellationToken.None);
            var present = await adapter.Introspector.IntrospectAsync(connection, IntrospectionOptions.Default, CancellationToken.None);
            var ours = created.Tables.Select(t => t.Name).Where(n => present.FindTable(n) is not null).ToList();
            if (ours.Count > 0) await adapter.SchemaWriter.DropTablesAsync(connection, ours, CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException or TimeoutException)
        {
            // The target is unreachable now (often the very failure being reported): its tables stay, and the
            // next clone into it is refused as non-empty until --replace is given, which says what is there.
        }
    }

    /// <summary>Fills a cycle-closing foreign key row by row, in one transaction, with a prepared UPDATE.</summary>
    internal static async Task ApplyAsync(DbConnection connection, ISqlDialect d, TableSchema table, DeferredUpdate update, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // The model names columns as the source does; the target may hold some under another name (TargetNames).
        var set = update.ForeignKey.Columns.Select((c, i) => $"{d.Quote(TargetNames.ColumnOf(table, c))} = @v{i}");
        var where = update.KeyColumns.Select((c, i) => $"{d.Quote(TargetNames.ColumnOf(table, c))} = @k{i}");
        command.CommandText = $"UPDATE {d.Quote(table.Name)} SET {string.Join(", ", set)} WHERE {string.Join(" AND ", where)}";
        var values = update.ForeignKey.Columns.Select((_, i) => AddParameter(command, $"@v{i}")).ToArray();
        var keys = update.KeyColumns.Select((_, i) => AddParameter(command, $"@k{i}")).ToArray();
        foreach (var (key, value) in update.Rows)
        {
            for (var i = 0; i < values.Length; i++) values[i].Value = Parameter(value[i]);
            for (var i = 0; i < keys.Length; i++) keys[i].Value = Parameter(key[i]);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static DbParameter AddParameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Drivers take DateOnly and TimeOnly unevenly; keys of those types go as DateTime and TimeSpan.</summary>
    private static object Parameter(object? value) => value switch
    {
        null => DBNull.Value,
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        TimeOnly time => time.ToTimeSpan(),
        _ => value,
    };
}
