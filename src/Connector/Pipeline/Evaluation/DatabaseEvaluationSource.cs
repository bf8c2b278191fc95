using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Sdv.Connector.Connections;
using Sdv.Connector.Engines;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Evaluation;
using Sdv.Connector.Synthesis.Evaluation.Sources;

namespace Sdv.Connector.Pipeline.Evaluation;

/// <summary>
/// One side of an evaluation in a database: every aggregate the metrics need is a query the database runs
/// (<see cref="EvaluationSql"/>); rows that must be seen one by one (projections, joins) are streamed and never held.
/// Queries run on a few sessions, one per table evaluated at once (a connection runs one command at a time), each in a
/// read-only transaction begun together (<see cref="IRowReader.BeginSharedReadOnlyAsync"/>: PostgreSQL's sessions share
/// one snapshot, so all of them see the same data; other engines' snapshots start together). The two sides of an
/// evaluation are two sources and run side by side.
/// </summary>
internal sealed class DatabaseEvaluationSource : IEvaluationSource, IAsyncDisposable
{
    private readonly IEngineAdapter _adapter;
    private readonly IReadOnlyList<DbConnection> _connections;
    private readonly IReadOnlyList<DbTransaction?> _transactions;
    private readonly ConcurrentBag<int> _idle;
    private readonly SemaphoreSlim _free;
    private readonly IReadOnlyDictionary<string, SourceTable> _tables;
    private readonly EvaluationSql _sql;
    private readonly string _side;

    private DatabaseEvaluationSource(
        IEngineAdapter adapter, IReadOnlyList<DbConnection> connections, IReadOnlyList<DbTransaction?> transactions, IReadOnlyDictionary<string, SourceTable> tables, string side)
    {
        _adapter = adapter;
        _connections = connections;
        _transactions = transactions;
        _idle = new ConcurrentBag<int>(Enumerable.Range(0, connections.Count));
        _free = new SemaphoreSlim(connections.Count, connections.Count);
        _tables = tables;
        _side = side;
        _sql = new EvaluationSql(adapter.Dialect, adapter.Reader.SelectExpression);
    }

    /// <param name="tables">Scored table name → where it lives on this side; a table this side lacks is left out.</param>
    /// <param name="side">"real" or "synthetic", for messages.</param>
    /// <param name="sessions">Queries this source runs at once (the tables the evaluator scores at once).</param>
    public static async Task<DatabaseEvaluationSource> OpenAsync(
        DatabaseEndpoint endpoint, IReadOnlyDictionary<string, SourceTable> tables, string side, CancellationToken cancellationToken, int sessions = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sessions, 1);
        var adapter = OpenDatabase.Adapter(endpoint);
        var connections = new List<DbConnection>(sessions);
        try
        {
            for (var i = 0; i < sessions; i++) connections.Add(await OpenDatabase.SourceAsync(endpoint, cancellationToken));
            var transactions = await adapter.Reader.BeginSharedReadOnlyAsync(connections, cancellationToken);
            return new DatabaseEvaluationSource(adapter, connections, transactions, tables, side);
        }
        catch
        {
            foreach (var connection in connections) await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Lines about cells the engine's reader could not convert (read as NULL).</summary>
    public IReadOnlyCollection<string> ReaderWarnings => _adapter.Reader.Warnings;

    public bool HasTable(string table) => _tables.ContainsKey(table);

    public bool HasColumn(string table, string column) => _tables.TryGetValue(table, out var t) && t.Columns.ContainsKey(column);

    public bool IsUniqueKey(string table, IReadOnlyList<string> columns) =>
        _tables.TryGetValue(table, out var t) && columns.All(t.Columns.ContainsKey) && IsDeclaredKey(t, columns.Select(c => t.Columns[c]).ToList());

    public Type CellType(string table, string column) => CanonicalValues.ClrType(Column(table, column).LogicalType);

    public async Task<TableCounts> CountAsync(string table, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        var t = Table(table);
        var present = columns.Where(c => t.Columns.ContainsKey(c)).ToList();
        var schemas = present.Select(c => t.Columns[c]).ToList();
        var row = await SingleRowAsync(_sql.Counts(t.Table, schemas), schemas.Count + 1, $"{table} (counts)", cancellationToken);
        var values = present.Select((c, i) => (c, N: Long(row[i + 1]))).ToDictionary(x => x.c, x => x.N, StringComparer.Ordinal);
        return new TableCounts(Long(row[0]), values);
    }

    public async IAsyncEnumerable<ValueCount> ValuesAsync(string table, string column, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var t = Table(table);
        var c = t.Columns[column];
        await foreach (var row in ReadAsync(_sql.Values(t.Table, c), [c, EvaluationSql.Count], $"{table}.{column}", cancellationToken))
        {
            yield return new ValueCount(row[0], Long(row[1]));
        }
    }

    public async IAsyncEnumerable<WeightedRow> RowsAsync(string table, IReadOnlyList<string> columns, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var t = Table(table);
        var schemas = columns.Select(c => t.Columns.GetValueOrDefault(c)).ToList();
        await foreach (var row in ReadAsync(_sql.Rows(t.Table, schemas), schemas.Select(s => s ?? EvaluationSql.Absent).ToList(), table, cancellationToken))
        {
            yield return new WeightedRow(row, 1);
        }
    }

    public async IAsyncEnumerable<WeightedRow> JoinAsync(
        EvaluationRelationship relationship, IReadOnlyList<string> parentColumns, IReadOnlyList<string> childColumns,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (join, parents, children) = Join(relationship, parentColumns, childColumns);
        var schemas = parents.Concat(children).Select(s => s ?? EvaluationSql.Absent).ToList();
        await foreach (var row in ReadAsync(_sql.Join(join, parents, children), schemas, relationship.ToString(), cancellationToken))
        {
            yield return new WeightedRow(row, 1);
        }
    }

    public async Task<(object?[] Min, object?[] Max)> JoinRangeAsync(
        EvaluationRelationship relationship, IReadOnlyList<string> parentColumns, IReadOnlyList<string> childColumns, CancellationToken cancellationToken)
    {
        var (join, parents, children) = Join(relationship, parentColumns, childColumns);

        // Only numbers and datetimes have a range worth asking for; others read as NULL.
        static ColumnSchema? Continuous(ColumnSchema? c) => c is not null && CellValues.HasRange(CanonicalValues.ClrType(c.LogicalType)) ? c : null;
        var (p, ch) = (parents.Select(Continuous).ToList(), children.Select(Continuous).ToList());
        var schemas = p.Concat(ch).Select(s => s ?? EvaluationSql.Absent).ToList();
        var n = schemas.Count;
        if (p.Concat(ch).All(c => c is null))
        {
            // Nothing to aggregate: the query would be a SELECT of NULLs over every row of the join.
            return (new object?[n], new object?[n]);
        }

        var row = await SingleRowAsync(_sql.JoinRange(join, p, ch), [.. schemas, .. schemas], $"{relationship} (range)", cancellationToken);
        return (row[..n], row[n..]);
    }

    public async Task<IReadOnlyDictionary<long, long>> ChildCountsAsync(EvaluationRelationship relationship, CancellationToken cancellationToken)
    {
        var (join, _, _) = Join(relationship, [], []);
        var histogram = new SortedDictionary<long, long>();
        await foreach (var row in ReadAsync(_sql.ChildCounts(join), [EvaluationSql.Count, EvaluationSql.Count], $"{relationship} (children per parent)", cancellationToken))
        {
            histogram[Long(row[0])] = Long(row[1]);
        }

        return histogram;
    }

    public async Task<ForeignKeyCounts> ForeignKeyAsync(EvaluationRelationship relationship, CancellationToken cancellationToken)
    {
        var (join, _, _) = Join(relationship, [], []);
        var rows = await SingleRowAsync(_sql.ForeignKeyRows(join), 2, $"{relationship} (foreign keys)", cancellationToken);
        var matched = await SingleRowAsync(_sql.ForeignKeyMatched(join), 1, $"{relationship} (matches)", cancellationToken);
        return new ForeignKeyCounts(Long(rows[0]), Long(rows[1]), Long(matched[0]));
    }

    public async Task<long> RepeatedKeysAsync(string table, IReadOnlyList<string> key, CancellationToken cancellationToken)
    {
        var t = Table(table);
        var columns = key.Select(k => t.Columns[k]).ToList();

        // A primary or unique key the database enforces on NOT NULL columns cannot repeat: no need to count.
        if (IsDeclaredKey(t, columns))
        {
            return 0;
        }

        var row = await SingleRowAsync(_sql.RepeatedKeys(t.Table, columns), 1, $"{table} (key)", cancellationToken);
        return Long(row[0]);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ReadOnlyTransactions.DisposeAsync(_transactions);
        }
        finally
        {
            // Closed even where the rollback failed: a pooled session left open keeps its snapshot and its
            // metadata locks, and a DROP or ALTER of the database waits on them.
            foreach (var connection in _connections) await connection.DisposeAsync();
            _free.Dispose();
        }
    }

    /// <summary>A primary or unique key the database enforces over exactly these columns, all NOT NULL.</summary>
    private static bool IsDeclaredKey(SourceTable table, IReadOnlyList<ColumnSchema> columns)
    {
        var declared = (table.Table.PrimaryKey is { } pk ? [pk] : Enumerable.Empty<KeySchema>()).Concat(table.Table.UniqueKeys);
        return columns.Count > 0 && columns.All(c => !c.IsNullable)
            && declared.Any(k => k.Columns.Order(StringComparer.Ordinal).SequenceEqual(columns.Select(c => c.Name).Order(StringComparer.Ordinal)));
    }

    private static long Long(object? value) => value is null ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    private (JoinSpec Join, List<ColumnSchema?> Parents, List<ColumnSchema?> Children) Join(
        EvaluationRelationship relationship, IReadOnlyList<string> parentColumns, IReadOnlyList<string> childColumns)
    {
        var (parent, child) = (Table(relationship.ParentTable), Table(relationship.ChildTable));
        var join = new JoinSpec(
            parent.Table, relationship.ParentColumns.Select(c => parent.Columns[c]).ToList(),
            child.Table, relationship.ChildColumns.Select(c => child.Columns[c]).ToList());
        return (join, parentColumns.Select(c => parent.Columns.GetValueOrDefault(c)).ToList(), childColumns.Select(c => child.Columns.GetValueOrDefault(c)).ToList());
    }

    private SourceTable Table(string table) =>
        _tables.GetValueOrDefault(table) ?? throw new InvalidOperationException($"The {_side} database has no table {table}; the evaluation should have checked HasTable.");

    private ColumnSchema Column(string table, string column) =>
        Table(table).Columns.GetValueOrDefault(column) ?? throw new InvalidOperationException($"The {_side} table {table} has no column {column}.");

    private async Task<object?[]> SingleRowAsync(string sql, int width, string label, CancellationToken cancellationToken) =>
        await SingleRowAsync(sql, Enumerable.Repeat(EvaluationSql.Count, width).ToList(), label, cancellationToken);

    private async Task<object?[]> SingleRowAsync(string sql, IReadOnlyList<ColumnSchema> columns, string label, CancellationToken cancellationToken)
    {
        await foreach (var row in ReadAsync(sql, columns, label, cancellationToken))
        {
            return (object?[])row.Clone();
        }

        return new object?[columns.Count];
    }

    /// <summary>One query's rows through the engine's reader (one array reused: copy what you keep), on a session no other query is using.</summary>
    private async IAsyncEnumerable<object?[]> ReadAsync(string sql, IReadOnlyList<ColumnSchema> columns, string label, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _free.WaitAsync(cancellationToken);
        if (!_idle.TryTake(out var session))
        {
            _free.Release();
            throw new InvalidOperationException($"The {_side} evaluation source has no idle session for {label} although its count said so.");
        }

        try
        {
            await foreach (var row in _adapter.Reader.ReadQueryAsync(_connections[session], _transactions[session], new SelectQuery(sql, columns, $"{_side} {label}", ReuseRow: true), cancellationToken))
            {
                yield return row;
            }
        }
        finally
        {
            _idle.Add(session);
            _free.Release();
        }
    }
}
