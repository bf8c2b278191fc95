using System.Data.Common;
using System.Globalization;
using Sdv.Connector.Cli;
using Sdv.Connector.Connections;
using Sdv.Connector.Engines;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Metadata;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Evaluation;
using Sdv.Connector.Synthesis.Evaluation.Results;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// Compares a synthetic database with the real one: introspects both, matches tables and columns by
/// name, streams the rows of each side (inside a read-only transaction) into bounded seeded samples,
/// and runs the <see cref="Evaluator"/>. The real side carries the metadata (sdtypes, keys,
/// relationships); the user's metadata file, when given, wins there as everywhere.
/// </summary>
internal static class EvaluateStep
{
    private const string ReadPurpose = "read (bounded seeded sample; whole families kept together, so relationship figures are approximate)";

    public static Task<EvaluateOutcome> RunAsync(
        DatabaseEndpoint real, DatabaseEndpoint synthetic, IntrospectionOptions selection, FileInfo? metadataFile,
        EvaluationOptions options, CancellationToken cancellationToken) =>
        RunAsync(real, synthetic, null, selection, metadataFile, options, cancellationToken);

    /// <param name="scope">Where the clone lives when <paramref name="synthetic"/> holds more than the clone (a nightly
    /// run's staging); null: the whole of <paramref name="synthetic"/> is the clone.</param>
    public static async Task<EvaluateOutcome> RunAsync(
        DatabaseEndpoint real, DatabaseEndpoint synthetic, SyntheticScope? scope, IntrospectionOptions selection, FileInfo? metadataFile,
        EvaluationOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UserInputException(e.Message, e);
        }

        RequireFile(real, "--real");
        RequireFile(synthetic, "--synthetic");
        var warnings = new List<string>();
        var realSchema = await IntrospectStep.RunAsync(real, selection, metadataFile, cancellationToken).ConfigureAwait(false);
        var syntheticSchema = await IntrospectAsync(synthetic, scope, cancellationToken).ConfigureAwait(false);
        var matches = TableMatcher.Match(realSchema, syntheticSchema, warnings, scope?.LiveSchema);
        var relationships = Relationships(realSchema);
        var notes = new List<SamplingNote>();
        var totals = new Dictionary<(string Table, string Side), long>();

        var realTables = new List<EvaluationTable>();
        var realCounts = new List<IReadOnlyDictionary<long, long>>();
        await using (var connection = await OpenDatabase.SourceAsync(real, cancellationToken).ConfigureAwait(false))
        {
            var adapter = OpenDatabase.Adapter(real);
            var transaction = await adapter.Reader.BeginReadOnlyAsync(connection, cancellationToken).ConfigureAwait(false);
            try
            {
                foreach (var match in matches)
                {
                    var positions = Enumerable.Range(0, match.Real.Columns.Count).ToArray();
                    var table = await ReadAsync(adapter, connection, transaction, match, match.Real, positions, "real", options, notes, totals, cancellationToken).ConfigureAwait(false);
                    realTables.Add(table);
                }

                foreach (var fk in realSchema.ForeignKeys.Where(f => realSchema.FindTable(f.PrincipalTable) is not null))
                {
                    realCounts.Add(await CountChildrenAsync(adapter, connection, transaction, fk, cancellationToken).ConfigureAwait(false));
                }
            }
            finally
            {
                if (transaction is not null) await transaction.DisposeAsync().ConfigureAwait(false);
            }
        }

        var syntheticTables = new List<EvaluationTable>();
        var syntheticCounts = new List<IReadOnlyDictionary<long, long>?>();
        await using (var connection = await OpenDatabase.SourceAsync(synthetic, cancellationToken).ConfigureAwait(false))
        {
            var adapter = OpenDatabase.Adapter(synthetic);
            var transaction = await adapter.Reader.BeginReadOnlyAsync(connection, cancellationToken).ConfigureAwait(false);
            try
            {
                foreach (var match in matches.Where(m => m.Synthetic is not null))
                {
                    var positions = match.Columns.ToArray();
                    syntheticTables.Add(await ReadAsync(adapter, connection, transaction, match, match.Synthetic!, positions, "synthetic", options, notes, totals, cancellationToken).ConfigureAwait(false));
                }

                foreach (var fk in realSchema.ForeignKeys.Where(f => realSchema.FindTable(f.PrincipalTable) is not null))
                {
                    var mapped = MapForeignKey(fk, matches);
                    syntheticCounts.Add(mapped is null ? null : await CountChildrenAsync(adapter, connection, transaction, mapped, cancellationToken).ConfigureAwait(false));
                }
            }
            finally
            {
                if (transaction is not null) await transaction.DisposeAsync().ConfigureAwait(false);
            }
        }

        var realData = new EvaluationDataset(realTables, relationships);
        var syntheticData = new EvaluationDataset(syntheticTables, relationships);
        var result = Evaluator.Evaluate(realData, syntheticData, options);
        result = result with
        {
            // The evaluator saw the samples; the summary states the tables' full sizes.
            Tables = result.Tables.Select(t => t with
            {
                RealRows = totals.GetValueOrDefault((t.Table, "real"), t.RealRows),
                SyntheticRows = totals.GetValueOrDefault((t.Table, "synthetic"), t.SyntheticRows),
            }).ToList(),
            Sampling = notes.Concat(result.Sampling).ToList(),
        };
        var histograms = relationships.Select((r, i) => new ChildCountHistogram(r, realCounts[i], syntheticCounts[i])).ToList();
        return new EvaluateOutcome(result, realData, syntheticData, histograms, warnings);
    }

    private static void RequireFile(DatabaseEndpoint endpoint, string option)
    {
        if (endpoint.Engine == DatabaseEngine.Sqlite && endpoint.Path is { } path && !File.Exists(path))
            throw new UserInputException($"{option}: the SQLite file {path} does not exist.");
    }

    private static async Task<DatabaseSchema> IntrospectAsync(DatabaseEndpoint endpoint, SyntheticScope? scope, CancellationToken cancellationToken)
    {
        // Only names are needed from the clone (the real side carries the metadata), so no profiling.
        var options = scope is { Schemas.Count: > 0 } ? new IntrospectionOptions { Schemas = scope.Schemas } : IntrospectionOptions.Default;
        await using var connection = await OpenDatabase.SourceAsync(endpoint, cancellationToken).ConfigureAwait(false);
        return await OpenDatabase.Adapter(endpoint).Introspector.IntrospectAsync(connection, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Foreign keys between selected tables, keyed by metadata table names, in the schema's order.</summary>
    private static List<EvaluationRelationship> Relationships(DatabaseSchema schema) =>
        schema.ForeignKeys
            .Where(f => schema.FindTable(f.PrincipalTable) is not null)
            .Select(f => new EvaluationRelationship(
                MetadataJson.TableKey(schema, f.PrincipalTable), f.PrincipalColumns,
                MetadataJson.TableKey(schema, f.Table), f.Columns))
            .ToList();

    /// <summary>
    /// Streams one table into a reservoir of at most <see cref="EvaluationOptions.MaxRowsPerTable"/> rows.
    /// <paramref name="positions"/> gives, per real column, the position in <paramref name="source"/> to take
    /// (-1: the clone lacks it and the column is left out of the synthetic table).
    /// </summary>
    private static async Task<EvaluationTable> ReadAsync(
        IEngineAdapter adapter, DbConnection connection, DbTransaction? transaction, SyntheticTableMatch match, TableSchema source,
        int[] positions, string side, EvaluationOptions options, List<SamplingNote> notes,
        Dictionary<(string Table, string Side), long> totals, CancellationToken cancellationToken)
    {
        var real = match.Real;
        var kept = Enumerable.Range(0, positions.Length).Where(i => positions[i] >= 0).ToArray();
        var columns = kept.Select(i => new EvaluationColumn(real.Columns[i].Name, real.Columns[i].SdType)).ToList();
        var keyColumns = SampleKey(real);
        int[]? keyPositions = keyColumns?.Select(c => Array.IndexOf(kept, real.Columns.ToList().FindIndex(x => x.Name == c))).ToArray();
        if (keyPositions is not null && keyPositions.Any(p => p < 0)) keyPositions = null;

        var reservoir = new RowReservoir(options.MaxRowsPerTable);
        var random = Sampling.For(options.Seed, "read", match.Key);
        await foreach (var raw in adapter.Reader.ReadRowsAsync(connection, transaction, source, cancellationToken).ConfigureAwait(false))
        {
            var row = new object?[kept.Length];
            for (var i = 0; i < kept.Length; i++) row[i] = raw[positions[kept[i]]];
            var tieBreak = (ulong)random.NextInt64();
            var priority = keyPositions is null ? tieBreak : SampleKeyHash.Of(options.Seed, row, keyPositions);
            reservoir.Offer(row, priority, tieBreak);
        }

        totals[(match.Key, side)] = reservoir.Seen;
        if (reservoir.Sampled)
            notes.Add(new SamplingNote(match.Key, side, ReadPurpose, reservoir.Seen, options.MaxRowsPerTable));
        return new EvaluationTable(
            match.Key,
            columns,
            real.PrimaryKey?.Columns ?? [],
            real.UniqueKeys.Select(k => k.Columns).ToList(),
            reservoir.Rows());
    }

    /// <summary>
    /// The columns whose hash orders a table's reservoir: its first foreign key to another table
    /// (so a sampled child keeps whole families), else its primary key (so a sampled parent keeps the
    /// parents whose families its children kept), else none (plain random order).
    /// </summary>
    private static IReadOnlyList<string>? SampleKey(TableSchema table)
    {
        var fk = table.ForeignKeys
            .Where(f => !f.IsSelfReference)
            .OrderBy(f => f.PrincipalTable, QualifiedName.Order)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        if (fk is not null) return fk.Columns;
        return table.PrimaryKey?.Columns;
    }

    /// <summary>The foreign key in the clone's names, or null when the clone lacks a table or column of it.</summary>
    private static ForeignKeySchema? MapForeignKey(ForeignKeySchema fk, IReadOnlyList<SyntheticTableMatch> matches)
    {
        var child = matches.FirstOrDefault(m => m.Real.Name.Equals(fk.Table));
        var parent = matches.FirstOrDefault(m => m.Real.Name.Equals(fk.PrincipalTable));
        if (child?.Synthetic is null || parent?.Synthetic is null) return null;
        var childColumns = MapColumns(child, fk.Columns);
        var parentColumns = MapColumns(parent, fk.PrincipalColumns);
        if (childColumns is null || parentColumns is null) return null;
        return fk with { Table = child.Synthetic.Name, Columns = childColumns, PrincipalTable = parent.Synthetic.Name, PrincipalColumns = parentColumns };
    }

    private static List<string>? MapColumns(SyntheticTableMatch match, IReadOnlyList<string> columns)
    {
        var mapped = new List<string>();
        foreach (var column in columns)
        {
            var index = match.Real.Columns.ToList().FindIndex(c => c.Name == column);
            if (index < 0 || match.Columns[index] < 0) return null;
            mapped.Add(match.Synthetic!.Columns[match.Columns[index]].Name);
        }

        return mapped;
    }

    /// <summary>Children per parent, counted by the database (every row, not the sample). NULL-keyed children are left out.</summary>
    private static async Task<IReadOnlyDictionary<long, long>> CountChildrenAsync(
        IEngineAdapter adapter, DbConnection connection, DbTransaction? transaction, ForeignKeySchema fk, CancellationToken cancellationToken)
    {
        var histogram = new SortedDictionary<long, long>();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = ContextQuery.CountHistogram(adapter.Dialect, fk);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var n = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
            var parents = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
            if (n >= 0 && parents > 0) histogram[n] = parents;
        }

        return histogram;
    }
}
