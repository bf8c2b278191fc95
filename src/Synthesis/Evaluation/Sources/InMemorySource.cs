using System.Runtime.CompilerServices;
using Sdv.Connector.Synthesis.Evaluation.Metrics;

namespace Sdv.Connector.Synthesis.Evaluation.Sources;

/// <summary>
/// One side of an evaluation held in memory as rows (<see cref="EvaluationDataset"/>): the aggregates computed here
/// the way a database computes them. For tests and small data; a database source computes them where the data is.
/// </summary>
internal sealed class InMemorySource(EvaluationDataset data) : IEvaluationSource
{
    public bool HasTable(string table) => data.Find(table) is not null;

    public bool HasColumn(string table, string column) => data.Find(table)?.IndexOf(column) >= 0;

    /// <summary>Rows in memory enforce nothing: every figure is counted.</summary>
    public bool IsUniqueKey(string table, IReadOnlyList<string> columns) => false;

    public Type CellType(string table, string column)
    {
        var t = Table(table);
        var types = ColumnCells(t, column).Where(v => !CellValues.IsNull(v)).Select(v => v!.GetType()).Distinct().Take(2).ToList();
        return types.Count == 1 ? types[0] : typeof(object);
    }

    public Task<TableCounts> CountAsync(string table, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        var t = Table(table);
        var values = columns.Where(c => t.IndexOf(c) >= 0).ToDictionary(c => c, c => (long)ColumnCells(t, c).Count(v => !CellValues.IsNull(v)), StringComparer.Ordinal);
        return Task.FromResult(new TableCounts(t.Rows.Count, values));
    }

    public async IAsyncEnumerable<ValueCount> ValuesAsync(string table, string column, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        var groups = new SortedDictionary<object, (object? Value, long Count)>(CanonicalOrder.Instance);
        long nulls = 0;
        foreach (var cell in ColumnCells(Table(table), column))
        {
            if (CellValues.IsNull(cell))
            {
                nulls++;
                continue;
            }

            var key = CellValues.Key(cell);
            groups[key] = groups.TryGetValue(key, out var g) ? (g.Value, g.Count + 1) : (cell, 1);
        }

        if (nulls > 0)
        {
            yield return new ValueCount(null, nulls);
        }

        foreach (var (value, count) in groups.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ValueCount(value, count);
        }
    }

    public async IAsyncEnumerable<WeightedRow> RowsAsync(string table, IReadOnlyList<string> columns, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        var t = Table(table);
        var positions = columns.Select(t.IndexOf).ToArray();
        foreach (var row in t.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new WeightedRow(positions.Select(p => p < 0 ? null : row[p]).ToArray(), 1);
        }
    }

    public async IAsyncEnumerable<WeightedRow> JoinAsync(
        EvaluationRelationship relationship, IReadOnlyList<string> parentColumns, IReadOnlyList<string> childColumns,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        var (parent, child) = (Table(relationship.ParentTable), Table(relationship.ChildTable));
        var parentPositions = parentColumns.Select(parent.IndexOf).ToArray();
        var childPositions = childColumns.Select(child.IndexOf).ToArray();
        foreach (var (p, c) in Join(relationship, parent, child))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var cells = parentPositions.Select(i => i < 0 ? null : parent.Rows[p][i]).Concat(childPositions.Select(i => i < 0 ? null : child.Rows[c][i])).ToArray();
            yield return new WeightedRow(cells, 1);
        }
    }

    public async Task<(object?[] Min, object?[] Max)> JoinRangeAsync(
        EvaluationRelationship relationship, IReadOnlyList<string> parentColumns, IReadOnlyList<string> childColumns, CancellationToken cancellationToken)
    {
        var n = parentColumns.Count + childColumns.Count;
        var (min, max) = (new object?[n], new object?[n]);
        var (low, high) = (Enumerable.Repeat(double.NaN, n).ToArray(), Enumerable.Repeat(double.NaN, n).ToArray());
        await foreach (var row in JoinAsync(relationship, parentColumns, childColumns, cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < n; i++)
            {
                double x;
                try
                {
                    x = CellValues.ToNumber(row.Cells[i]);
                }
                catch (FormatException)
                {
                    continue;
                }

                if (!double.IsNaN(x) && (double.IsNaN(low[i]) || x < low[i]))
                {
                    (low[i], min[i]) = (x, row.Cells[i]);
                }

                if (!double.IsNaN(x) && (double.IsNaN(high[i]) || x > high[i]))
                {
                    (high[i], max[i]) = (x, row.Cells[i]);
                }
            }
        }

        return (min, max);
    }

    public Task<IReadOnlyDictionary<long, long>> ChildCountsAsync(EvaluationRelationship relationship, CancellationToken cancellationToken)
    {
        var (parent, child) = (Table(relationship.ParentTable), Table(relationship.ChildTable));
        IReadOnlyDictionary<long, long> histogram = ChildCounts.Histogram(Keys(parent, relationship.ParentColumns), Keys(child, relationship.ChildColumns));
        return Task.FromResult(histogram);
    }

    public Task<ForeignKeyCounts> ForeignKeyAsync(EvaluationRelationship relationship, CancellationToken cancellationToken)
    {
        var (parent, child) = (Table(relationship.ParentTable), Table(relationship.ChildTable));
        return Task.FromResult(ReferentialIntegrity.Count(Keys(parent, relationship.ParentColumns), Keys(child, relationship.ChildColumns)));
    }

    public Task<long> RepeatedKeysAsync(string table, IReadOnlyList<string> key, CancellationToken cancellationToken)
    {
        var t = Table(table);
        var positions = key.Select(t.IndexOf).ToArray();
        var tuples = t.Rows.Select(row => positions.Select(p => row[p]).ToArray()).ToArray();
        var score = KeyUniqueness.Compute(tuples);
        return Task.FromResult(tuples.Length == 0 ? 0 : (long)Math.Round((1.0 - score) * tuples.Length));
    }

    private static IEnumerable<(int Parent, int Child)> Join(EvaluationRelationship relationship, EvaluationTable parent, EvaluationTable child)
    {
        var parentKeys = Keys(parent, relationship.ParentColumns);
        var childKeys = Keys(child, relationship.ChildColumns);
        var parentsByKey = new Dictionary<RowKey, List<int>>();
        for (var p = 0; p < parentKeys.Length; p++)
        {
            if (parentKeys[p] is { } key)
            {
                if (!parentsByKey.TryGetValue(key, out var list))
                {
                    parentsByKey[key] = list = [];
                }

                list.Add(p);
            }
        }

        for (var c = 0; c < childKeys.Length; c++)
        {
            if (childKeys[c] is { } fk && parentsByKey.TryGetValue(fk, out var parents))
            {
                foreach (var p in parents)
                {
                    yield return (p, c);
                }
            }
        }
    }

    private static RowKey?[] Keys(EvaluationTable table, IReadOnlyList<string> columns)
    {
        var positions = columns.Select(table.IndexOf).ToArray();
        return positions.Any(p => p < 0) ? new RowKey?[table.Rows.Count] : RowKeys.Of(table.Rows, positions);
    }

    private static IEnumerable<object?> ColumnCells(EvaluationTable table, string column)
    {
        var i = table.IndexOf(column);
        return i < 0 ? [] : table.Rows.Select(r => r[i]);
    }

    private EvaluationTable Table(string name) =>
        data.Find(name) ?? throw new ArgumentException($"The data has no table '{name}', which the metadata names; fix the metadata or include the table.");
}
