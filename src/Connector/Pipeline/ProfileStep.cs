using System.Data.Common;
using System.Diagnostics;
using Sdv.Connector.Engines;
using Sdv.Connector.Progress;
using Sdv.Connector.SchemaIntrospection.Metadata;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// Profiles the string and binary columns (and the value columns of composite keys) of each table for sdtype inference, from a seeded sample spread
/// over the whole table (<see cref="ProfileSampling"/>), about <c>rows</c> rows: never the first
/// rows in key order, which in a table loaded in batches may all be NULL or of another shape than
/// the rest. A table of at most <c>rows</c> rows is read whole. A column with too few values in
/// the sample gets a second look: its non-null values are counted, and sampled by a query of their own.
/// </summary>
internal static class ProfileStep
{
    public const int DefaultRows = 5000;

    /// <summary>The sample's seed: the same source gives the same profile, and sdtypes, on every run.</summary>
    public const int DefaultSeed = 1;

    /// <summary>Fewer values than this in the sample, in a table larger than the sample, call for a second look at the column.</summary>
    public const int MinimumValues = 100;

    public static async Task<IReadOnlyDictionary<QualifiedName, IReadOnlyDictionary<string, ColumnProfile>>> RunAsync(
        DbConnection connection, DbTransaction? transaction, IEngineAdapter adapter, DatabaseSchema schema, int rows, CancellationToken cancellationToken,
        RunProgress? progress = null)
    {
        var result = new Dictionary<QualifiedName, IReadOnlyDictionary<string, ColumnProfile>>();
        var sampler = new ProfileQueries(connection, transaction, adapter, rows, DefaultSeed);
        var done = 0;
        foreach (var table in schema.Tables)
        {
            var watch = Stopwatch.StartNew();
            progress?.Table(Phases.Introspect, table.Name, null);
            await ProfileAsync(table);
            progress?.TableDone(Phases.Introspect, ++done, schema.Tables.Count, table.Name, table.RowCount ?? 0, watch.Elapsed);
        }
        return result;

        async Task ProfileAsync(TableSchema table)
        {
            var columns = table.Columns
                .Where(c => SdTypeInference.IsProfiled(table, c))
                .Select(c => c.Name)
                .ToList();
            if (columns.Count == 0 || table.RowCount == 0) return;
            var tableRows = await RowCountAsync(sampler, table, rows, cancellationToken);
            if (tableRows == 0) return;
            var profiles = await sampler.ProfileAsync(table, columns, tableRows, null, cancellationToken);
            await SecondLookAsync(sampler, table, tableRows, profiles, cancellationToken);
            result[table.Name] = profiles;
        }
    }

    /// <summary>The catalog's count where it is exact or large enough to trust for a sampling rate; else COUNT(*), cheap on a small table.</summary>
    private static async Task<long> RowCountAsync(ProfileQueries sampler, TableSchema table, int rows, CancellationToken cancellationToken)
    {
        if (table.RowCount is { } known && (table.RowCountIsExact || known >= 20L * rows)) return known;
        return await sampler.ScalarAsync($"SELECT COUNT(*) FROM {sampler.Dialect.Quote(table.Name)}", cancellationToken);
    }

    /// <summary>
    /// Columns the sample saw (almost) only NULLs in: their non-null values are counted in the whole
    /// table, and, where there are some, sampled by a query of their own, spread over the table as well.
    /// </summary>
    private static async Task SecondLookAsync(ProfileQueries sampler, TableSchema table, long tableRows, Dictionary<string, ColumnProfile> profiles, CancellationToken cancellationToken)
    {
        var sparse = profiles.Where(p => !p.Value.WholeTable && p.Value.NonNull < MinimumValues).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        if (sparse.Count == 0) return;
        var d = sampler.Dialect;
        var counts = await sampler.RowAsync($"SELECT {string.Join(", ", sparse.Select(c => $"COUNT({d.Quote(c)})"))} FROM {d.Quote(table.Name)}", sparse.Count, cancellationToken);
        for (var i = 0; i < sparse.Count; i++)
        {
            var column = sparse[i];
            if (counts[i] > profiles[column].NonNull)
            {
                var values = await sampler.ProfileAsync(table, [column], counts[i], column, cancellationToken);
                profiles[column] = values[column];
            }
            profiles[column].NonNullInTable = counts[i];
            profiles[column].TableRows = tableRows;
        }
    }
}
