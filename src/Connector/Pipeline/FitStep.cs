using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Sdv.Connector.Connections;
using Sdv.Connector.Engines;
using Sdv.Connector.Progress;
using Sdv.Connector.SchemaIntrospection.Introspection;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis;
using Sdv.Connector.Synthesis.Evaluation.Privacy;
using Sdv.Connector.Synthesis.MultiTable;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// Fits the database model from a source: opens as many sessions as tables are read at once (each in a
/// read-only transaction, all on one snapshot where the engine can share it:
/// <see cref="IRowReader.BeginSharedReadOnlyAsync"/>) and hands them to <see cref="DatabaseSynthesizer"/>
/// as a row source whose reads are SQL run by the source (<see cref="ContextQuery"/>).
/// </summary>
internal static class FitStep
{
    public static Task<DatabaseModel> RunAsync(DatabaseEndpoint source, DatabaseSchema schema, SynthesisOptions options, RunProgress progress, int maxParallel, CancellationToken cancellationToken) =>
        RunAsync(source, schema, new DatabaseFitOptions { Synthesis = options }, progress, maxParallel, cancellationToken);

    /// <summary>As above, leaving out of the fit the real rows <paramref name="holdout"/> holds out (the evaluation finds them again by the same rule).</summary>
    public static Task<DatabaseModel> RunAsync(DatabaseEndpoint source, DatabaseSchema schema, SynthesisOptions options, RunProgress progress, int maxParallel,
        HoldoutRule? holdout, CancellationToken cancellationToken) =>
        RunAsync(source, schema, new DatabaseFitOptions { Synthesis = options }, progress, maxParallel, cancellationToken, holdout);

    /// <summary>As above; <paramref name="atStep"/> (a test hook of the nightly run) is called with "fit &lt;table&gt;" before each table is read, its source connection open.</summary>
    public static Task<DatabaseModel> RunAsync(DatabaseEndpoint source, DatabaseSchema schema, SynthesisOptions options, RunProgress progress, int maxParallel,
        Func<string, CancellationToken, Task>? atStep, CancellationToken cancellationToken) =>
        RunAsync(source, schema, new DatabaseFitOptions { Synthesis = options, AtStep = atStep }, progress, maxParallel, cancellationToken);

    /// <param name="holdout">Real rows left out of every table's model (not out of the counts of children per parent); null keeps all.</param>
    public static async Task<DatabaseModel> RunAsync(DatabaseEndpoint source, DatabaseSchema schema, DatabaseFitOptions options, RunProgress progress, int maxParallel,
        CancellationToken cancellationToken, HoldoutRule? holdout = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallel, 1);
        var adapter = OpenDatabase.Adapter(source);
        var sessions = Math.Max(1, Math.Min(maxParallel, Math.Max(1, schema.Tables.Count)));
        // Where tables are read in parallel, one more session counts the relationships' equal values while they are read
        // (IDatabaseRowSource.StatisticsSession); a fit held to one session at a time stays on one connection.
        var statistics = sessions > 1 && schema.ForeignKeys.Any() ? 1 : 0;
        var connections = new List<DbConnection>(sessions + statistics);
        IReadOnlyList<DbTransaction?> transactions = [];
        try
        {
            for (var i = 0; i < sessions + statistics; i++) connections.Add(await OpenDatabase.SourceAsync(source, cancellationToken));
            transactions = await adapter.Reader.BeginSharedReadOnlyAsync(connections, cancellationToken);
            var rowSource = new SourceRows(adapter, schema, connections, transactions, holdout, progress) { StatisticsSession = statistics > 0 ? sessions : null };
            progress.Phase(Phases.Fit, schema.Tables.Count);
            var fitOptions = new DatabaseFitOptions
            {
                Synthesis = options.Synthesis,
                References = options.References,
                AtStep = options.AtStep,
                TableFitted = p => progress.TableDone(Phases.Fit, p.Done, p.Total, p.Table, p.Rows, p.Elapsed),
            };
            var model = await DatabaseSynthesizer.FitAsync(schema, rowSource, fitOptions, cancellationToken);
            // A table introspection left out first (its other notes are for `introspect`), then the fit's; the reader's
            // sorted: it collects them as reads end, an order that depends on the parallelism.
            return new DatabaseModel(model.Schema, model.Tables,
                [.. schema.Warnings.Where(ColumnlessTables.IsLeftOut), .. model.Warnings, .. adapter.Reader.Warnings.Order(StringComparer.Ordinal)]);
        }
        finally
        {
            await ReadOnlyTransactions.DisposeAsync(transactions);
            foreach (var connection in connections) await connection.DisposeAsync();
        }
    }

    /// <summary>The source's sessions as the synthesizer's row source: each read is one query on one session.</summary>
    internal sealed class SourceRows(IEngineAdapter adapter, DatabaseSchema schema, IReadOnlyList<DbConnection> connections, IReadOnlyList<DbTransaction?> transactions,
        HoldoutRule? holdout, RunProgress progress) : IDatabaseRowSource
    {
        public int Sessions => connections.Count - (StatisticsSession is null ? 0 : 1);

        public int? StatisticsSession { get; init; }

        public async Task<RelationshipCounts> CountChildrenAsync(int session, ForeignKeySchema foreignKey, CancellationToken cancellationToken)
        {
            await using var command = connections[session].CreateCommand();
            command.Transaction = transactions[session];
            command.CommandText = ContextQuery.CountHistogram(adapter.Dialect, foreignKey);
            command.CommandTimeout = 0;
            var histogram = new SortedDictionary<long, long>();
            // A self-reference's rows come apart by the parent being a root or not (ContextQuery.CountHistogram).
            var roots = foreignKey.Table == foreignKey.PrincipalTable ? new SortedDictionary<long, long>() : null;
            long nullChildren = 0;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var n = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
                var parents = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
                if (n < 0)
                {
                    nullChildren = parents;
                    continue;
                }

                if (parents <= 0) continue;
                histogram[n] = histogram.GetValueOrDefault(n) + parents;
                if (roots is not null && Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture) == 1) roots[n] = roots.GetValueOrDefault(n) + parents;
            }

            return new RelationshipCounts([.. histogram.Select(static h => (h.Key, h.Value))], nullChildren, roots?.Select(static h => (h.Key, h.Value)).ToList());
        }

        public async Task<IReadOnlyList<(long NonNull, long Equal)>> CountEqualValuesAsync(int session, ForeignKeySchema foreignKey, IReadOnlyList<(string Child, string Parent)> pairs, CancellationToken cancellationToken)
        {
            await using var command = connections[session].CreateCommand();
            command.Transaction = transactions[session];
            command.CommandText = ContextQuery.EqualityCounts(adapter.Dialect, schema, foreignKey, pairs);
            command.CommandTimeout = 0;
            var counts = new (long, long)[pairs.Count];
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                for (var i = 0; i < pairs.Count; i++)
                {
                    counts[i] = (Number(reader, 2 * i), Number(reader, (2 * i) + 1));
                }
            }

            return counts;

            static long Number(DbDataReader reader, int i) => reader.IsDBNull(i) ? 0 : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
        }

        public async Task<IReadOnlyList<(object Child, object Parent, long Rows)>> CountValuePairsAsync(int session, ForeignKeySchema foreignKey, string childColumn, string parentColumn,
            bool unequalOnly, CancellationToken cancellationToken)
        {
            await using var command = connections[session].CreateCommand();
            command.Transaction = transactions[session];
            command.CommandText = ContextQuery.ValuePairCounts(adapter.Dialect, schema, foreignKey, childColumn, parentColumn, adapter.Reader.SelectExpression, unequalOnly);
            command.CommandTimeout = 0;
            var pairs = new List<(object, object, long)>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.IsDBNull(0) || reader.IsDBNull(1)) continue;
                pairs.Add((reader.GetValue(0), reader.GetValue(1), Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture)));
            }

            return pairs;
        }

        public IAsyncEnumerable<object?[]> ReadAsync(int session, TableSchema table, IReadOnlyList<AppendedColumn> appended, CancellationToken cancellationToken)
        {
            var sql = ContextQuery.Build(adapter.Dialect, schema, table, appended, adapter.Reader.SelectExpression);
            var columns = ContextQuery.Columns(schema, table, appended);
            // The fit reads each table once, here: its rows are counted as they are read (the holdout's included).
            var counter = progress.Table(Phases.Fit, table.Name, table.RowCount, estimated: !table.RowCountIsExact);
            var rows = Numbers(adapter.Reader.ReadQueryAsync(connections[session], transactions[session], new SelectQuery(sql, columns, table.Name.ToString(), ReuseRow: true), cancellationToken),
                table.Columns.Count, appended, counter, cancellationToken);
            return holdout is null ? rows : Filtered(rows, holdout.TrainingFilter(table), cancellationToken);
        }

        /// <summary>The rows the holdout rule lets the fit see (it reads the table's own cells, which come first).</summary>
        private static async IAsyncEnumerable<object?[]> Filtered(IAsyncEnumerable<object?[]> rows, Func<object?[], bool> keep, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                if (keep(row)) yield return row;
            }
        }

        /// <summary>Counts and averages as doubles, whatever numeric type the engine returned them in; the parent's cells as read; each row counted.</summary>
        private static async IAsyncEnumerable<object?[]> Numbers(IAsyncEnumerable<object?[]> rows, int tableWidth, IReadOnlyList<AppendedColumn> appended, TableCounter counter,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var numeric = appended.Select(static a => a.Kind is AppendedKind.ChildCount or AppendedKind.ChildAverage or AppendedKind.SiblingCount or AppendedKind.SiblingAverage).ToArray();
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                counter.Add();
                for (var i = 0; i < numeric.Length; i++)
                {
                    if (numeric[i] && row[tableWidth + i] is { } value and not double) row[tableWidth + i] = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                }

                yield return row;
            }
            counter.Finish();
        }
    }
}
