using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Sdv.Connector.Connections;
using Sdv.Connector.Engines;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.MultiTable;

namespace Sdv.Connector.Pipeline;

/// <summary>
/// Fits the database model: each table in one streaming pass over a query the source runs (its rows
/// with their child counts and their parent's context columns), then the children-per-parent
/// histograms of the other foreign keys, also computed by the source. All reads share one
/// read-only transaction, so the model sees one consistent snapshot.
/// </summary>
internal static class FitStep
{
    public static Task<DatabaseModel> RunAsync(DatabaseEndpoint source, DatabaseSchema schema, SynthesisOptions options, RunProgress progress, CancellationToken cancellationToken) =>
        RunAsync(source, schema, options, progress, null, cancellationToken);

    /// <summary>As above; <paramref name="atStep"/> (a test hook of the nightly run) is called with "fit &lt;table&gt;" before each table is read, the source connection open.</summary>
    public static async Task<DatabaseModel> RunAsync(DatabaseEndpoint source, DatabaseSchema schema, SynthesisOptions options, RunProgress progress,
        Func<string, CancellationToken, Task>? atStep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(progress);
        var adapter = OpenDatabase.Adapter(source);
        var warnings = new List<string>();
        var skeleton = new DatabaseModel(schema, [], []);
        var plan = skeleton.Plan;
        await using var connection = await OpenDatabase.SourceAsync(source, cancellationToken).ConfigureAwait(false);
        var transaction = await adapter.Reader.BeginReadOnlyAsync(connection, cancellationToken).ConfigureAwait(false);
        try
        {
            var entries = new List<TableEntry>();
            var number = 0;
            foreach (var tablePlan in plan.Tables)
            {
                number++;
                var table = schema.Table(tablePlan.Table);
                if (atStep is not null) await atStep("fit " + table.Name, cancellationToken).ConfigureAwait(false);
                var parent = tablePlan.PrimaryParent is { } primary ? schema.Table(primary.PrincipalTable) : null;
                var readColumns = table.Columns.ToList();
                readColumns.AddRange(tablePlan.Children.Select((_, i) => new ColumnSchema
                {
                    Name = DatabaseSampler.ChildCountColumnName(i), Ordinal = readColumns.Count + i + 1, NativeType = "bigint", LogicalType = LogicalType.Int64, IsNullable = false,
                }));
                if (parent is not null) readColumns.AddRange(tablePlan.ParentContextColumns.Select(parent.Column));
                var sql = ContextQuery.Build(adapter.Dialect, table, tablePlan, parent, adapter.Reader.SelectExpression);
                var watch = Stopwatch.StartNew();
                var rows = Encoded(adapter.Reader.ReadQueryAsync(connection, transaction, sql, readColumns, table.Name.ToString(), cancellationToken), table.Columns.Count, cancellationToken);
                var tableOptions = options.WithSeed(options.Seed ^ unchecked((long)StableHash.Fnv1a(table.Name.ToString())));
                var model = await TableSynthesizer.FitAsync(table, rows, ContextQuery.ContextNames(tablePlan), tableOptions, cancellationToken).ConfigureAwait(false);
                warnings.AddRange(model.Warnings.Select(w => $"{table.Name}: {w}"));

                var counts = new Dictionary<string, CountDistribution>(StringComparer.Ordinal);
                foreach (var fk in tablePlan.SecondaryParents.Concat(tablePlan.SelfReferences).Concat(tablePlan.DeferredParents))
                {
                    counts[TableEntry.KeyOf(fk)] = await CountsAsync(connection, transaction, adapter, fk, cancellationToken).ConfigureAwait(false);
                }
                entries.Add(new TableEntry { Table = table.Name, Model = model, SourceRows = model.RowCount, Counts = counts });
                progress.TableDone("fit", number, plan.Tables.Count, table.Name, model.RowCount, watch.Elapsed);
            }
            warnings.AddRange(adapter.Reader.Warnings);
            return new DatabaseModel(schema, entries, warnings);
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Leaves the table's own cells as read and turns the appended context cells into numbers.</summary>
    private static async IAsyncEnumerable<object?[]> Encoded(IAsyncEnumerable<object?[]> rows, int tableWidth, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            for (var i = tableWidth; i < row.Length; i++) row[i] = ContextEncoding.ToNumber(row[i]);
            yield return row;
        }
    }

    private static async Task<CountDistribution> CountsAsync(DbConnection connection, DbTransaction? transaction, IEngineAdapter adapter, ForeignKeySchema fk, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = ContextQuery.CountHistogram(adapter.Dialect, fk);
        command.CommandTimeout = 0;
        var histogram = new List<(long, long)>();
        long nullChildren = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var n = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
            var parents = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
            if (n < 0) nullChildren = parents;
            else histogram.Add((n, parents));
        }
        return CountDistribution.From(histogram, nullChildren);
    }
}
