using System.Globalization;
using System.Runtime.CompilerServices;
using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.MultiTable;

namespace Sdv.Connector.Synthesis.Tests.MultiTable;

/// <summary>
/// Rows held in memory as a row source for the multi-table fit: counts, averages and parent columns
/// computed the way the Connector's SQL computes them (parents without children count 0, NULL keys
/// belong to no parent). The database-backed source is tested against real servers in the integration tests.
/// </summary>
internal sealed class InMemoryRowSource(DatabaseSchema schema, IReadOnlyDictionary<string, List<object?[]>> rows, int sessions = 2, int? statisticsSession = null) : IDatabaseRowSource
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> _busy = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Query, int Session)> _queries = new();

    public int Sessions => sessions;

    public int? StatisticsSession => statisticsSession;

    /// <summary>Each query run, in the order they started, with the session it ran on.</summary>
    public IReadOnlyCollection<(string Query, int Session)> Queries => _queries;

    /// <summary>When set, the reads of this table fail (after a first row) with this error.</summary>
    public Exception? ReadFailure { get; init; }

    public string? FailingTable { get; init; }

    /// <summary>Marks <paramref name="session"/> busy for one query; a session is used by one query at a time, as a database connection is.</summary>
    private IDisposable Use(int session, string query)
    {
        if (!_busy.TryAdd(session, query)) throw new InvalidOperationException($"session {session} runs {query} while it runs {_busy.GetValueOrDefault(session)}");
        _queries.Enqueue((query, session));
        return new Release(() => _busy.TryRemove(session, out _));
    }

    private sealed class Release(Action release) : IDisposable
    {
        public void Dispose() => release();
    }

    public async Task<RelationshipCounts> CountChildrenAsync(int session, ForeignKeySchema foreignKey, CancellationToken cancellationToken)
    {
        using var use = Use(session, "children " + foreignKey.Name);
        await Task.Yield();
        var children = Children(foreignKey);
        var histogram = Rows(foreignKey.PrincipalTable)
            .GroupBy(p => Key(Table(foreignKey.PrincipalTable), p, foreignKey.PrincipalColumns) is { } key && children.TryGetValue(key, out var c) ? (long)c.Count : 0L)
            .Select(g => (g.Key, (long)g.Count()))
            .OrderBy(g => g.Key)
            .ToList();
        var nulls = Rows(foreignKey.Table).Count(r => Key(Table(foreignKey.Table), r, foreignKey.Columns) is null);
        if (foreignKey.Table != foreignKey.PrincipalTable) return new RelationshipCounts(histogram, nulls);
        // A self-reference's roots apart: their own key NULL, or pointing at themselves.
        var table = Table(foreignKey.Table);
        var roots = Rows(foreignKey.Table)
            .Where(r => Key(table, r, foreignKey.Columns) is not { } own || own == Key(table, r, foreignKey.PrincipalColumns))
            .GroupBy(p => Key(table, p, foreignKey.PrincipalColumns) is { } key && children.TryGetValue(key, out var c) ? (long)c.Count : 0L)
            .Select(g => (g.Key, (long)g.Count()))
            .OrderBy(g => g.Key)
            .ToList();
        return new RelationshipCounts(histogram, nulls, roots);
    }

    public async Task<IReadOnlyList<(long NonNull, long Equal)>> CountEqualValuesAsync(int session, ForeignKeySchema foreignKey, IReadOnlyList<(string Child, string Parent)> pairs, CancellationToken cancellationToken)
    {
        using var use = Use(session, "equal values " + foreignKey.Name);
        await Task.Delay(1, cancellationToken);
        var child = Table(foreignKey.Table);
        var parent = Table(foreignKey.PrincipalTable);
        var joined = Rows(foreignKey.Table).Select(r => (Row: r, Parent: Parent(child, r, foreignKey))).Where(p => p.Parent is not null).ToList();
        IReadOnlyList<(long, long)> counts = pairs.Select(pair =>
        {
            var c = child.Columns.ToList().FindIndex(x => x.Name == pair.Child);
            var p = parent.Columns.ToList().FindIndex(x => x.Name == pair.Parent);
            var nonNull = joined.Where(j => j.Row[c] is not null).ToList();
            return ((long)nonNull.Count, (long)nonNull.Count(j => Equals(j.Row[c], j.Parent![p])));
        }).ToList();
        return counts;
    }

    public async Task<IReadOnlyList<(object Child, object Parent, long Rows)>> CountValuePairsAsync(int session, ForeignKeySchema foreignKey, string childColumn, string parentColumn,
        bool unequalOnly, CancellationToken cancellationToken)
    {
        using var use = Use(session, $"value pairs {foreignKey.Name} {childColumn}");
        await Task.Delay(1, cancellationToken);
        var child = Table(foreignKey.Table);
        var parent = Table(foreignKey.PrincipalTable);
        var c = child.Columns.ToList().FindIndex(x => x.Name == childColumn);
        var p = parent.Columns.ToList().FindIndex(x => x.Name == parentColumn);
        IReadOnlyList<(object, object, long)> counts = Rows(foreignKey.Table)
            .Select(r => (Row: r, Parent: Parent(child, r, foreignKey)))
            .Where(j => j.Parent is not null && j.Row[c] is not null && j.Parent[p] is not null && !(unequalOnly && Equals(j.Row[c], j.Parent[p])))
            .GroupBy(j => (j.Row[c]!, j.Parent![p]!))
            .Select(g => (g.Key.Item1, g.Key.Item2, (long)g.Count()))
            .ToList();
        return counts;
    }

    public async IAsyncEnumerable<object?[]> ReadAsync(int session, TableSchema table, IReadOnlyList<AppendedColumn> appended, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var use = Use(session, "rows " + table.Name);
        await Task.Yield();
        var read = 0;
        foreach (var row in Rows(table.Name))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ReadFailure is not null && table.Name.Name == FailingTable && read++ == 1) throw ReadFailure;
            var output = new object?[table.Columns.Count + appended.Count];
            Array.Copy(row, output, table.Columns.Count);
            for (var i = 0; i < appended.Count; i++) output[table.Columns.Count + i] = Value(table, row, appended[i]);
            yield return output;
        }
    }

    private object? Value(TableSchema table, object?[] row, AppendedColumn a)
    {
        var fk = a.Relationship;
        switch (a.Kind)
        {
            case AppendedKind.ChildCount:
            case AppendedKind.ChildAverage:
            {
                var key = Key(table, row, fk.PrincipalColumns);
                var children = key is not null && Children(fk).TryGetValue(key, out var c) ? c : [];
                return a.Kind == AppendedKind.ChildCount ? children.Count : Average(Table(fk.Table), children, a.Column!);
            }

            case AppendedKind.ParentColumn:
                return Parent(table, row, fk) is { } parent ? parent[Table(fk.PrincipalTable).Columns.ToList().FindIndex(c => c.Name == a.Column)] : null;
            case AppendedKind.SiblingCount:
            case AppendedKind.SiblingAverage:
            {
                var key = Key(table, row, fk.Columns);
                if (key is null || !Children(fk).TryGetValue(key, out var siblings)) return null;
                return a.Kind == AppendedKind.SiblingCount ? siblings.Count : Average(table, siblings, a.Column!);
            }

            case AppendedKind.GrandparentColumn:
            {
                var parentFk = Table(table.Name).ForeignKeys.First(f => f.PrincipalTable.Equals(fk.Table));
                var direct = Parent(table, row, parentFk);
                var grand = direct is null ? null : Parent(Table(fk.Table), direct, fk);
                return grand?[Table(fk.PrincipalTable).Columns.ToList().FindIndex(c => c.Name == a.Column)];
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(a));
        }
    }

    private object?[]? Parent(TableSchema table, object?[] row, ForeignKeySchema fk)
    {
        var key = Key(table, row, fk.Columns);
        var parentTable = Table(fk.PrincipalTable);
        return key is null ? null : Rows(fk.PrincipalTable).FirstOrDefault(p => Key(parentTable, p, fk.PrincipalColumns) == key);
    }

    private Dictionary<string, List<object?[]>> Children(ForeignKeySchema fk)
    {
        var child = Table(fk.Table);
        return Rows(fk.Table).Select(r => (Key: Key(child, r, fk.Columns), Row: r)).Where(p => p.Key is not null)
            .GroupBy(p => p.Key!).ToDictionary(g => g.Key, g => g.Select(p => p.Row).ToList());
    }

    private static double? Average(TableSchema table, List<object?[]> rows, string column)
    {
        var index = table.Columns.ToList().FindIndex(c => c.Name == column);
        var values = rows.Select(r => r[index]).Where(v => v is not null).Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToList();
        return values.Count == 0 ? null : values.Average();
    }

    private static string? Key(TableSchema table, object?[] row, IReadOnlyList<string> columns)
    {
        var cells = columns.Select(c => row[table.Columns.ToList().FindIndex(x => x.Name == c)]).ToList();
        return cells.Any(c => c is null) ? null : string.Join("|", cells.Select(c => Convert.ToString(c, CultureInfo.InvariantCulture)));
    }

    private TableSchema Table(QualifiedName name) => schema.Table(name);

    private List<object?[]> Rows(QualifiedName name) => rows[name.Name];
}
