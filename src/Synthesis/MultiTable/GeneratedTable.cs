using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// What the sampler remembers of a generated table for the tables after it: the values of every
/// key that other tables reference (by row index), and for its children each row's drawn child
/// counts and context values. Kept compact (an integer key is 8 bytes a row, counts and context
/// numbers 8 bytes each, those beyond 8 MB a table in a temporary file under TMPDIR), and only for
/// tables that are parents; leaf tables keep nothing.
/// </summary>
internal sealed class GeneratedTable : IDisposable
{
    private readonly Dictionary<string, KeyColumnStore> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Position, List<object?> Values)> _values = new(StringComparer.Ordinal);
    private readonly List<ForeignKeySchema> _children;
    private readonly int[] _exportDims;
    // Per-parent numbers beyond this many bytes go to a temporary file (read back in order by the
    // children), so the sampler's memory does not grow with the number of parent rows.
    private const long MemoryBudgetBytes = 8 << 20;
    private readonly ChunkedList<long> _counts = new(MemoryBudgetBytes);
    private readonly ChunkedList<double> _context = new(MemoryBudgetBytes);

    /// <param name="exportDims">The dimensions of this table's model whose drawn u its children are conditioned on (kept per row).</param>
    /// <param name="valueColumns">Columns whose values children copy (equalities across a relationship), kept per row.</param>
    public GeneratedTable(TableSchema table, DatabaseSchema schema, DatabasePlan plan, int[] exportDims, IReadOnlyCollection<string>? valueColumns = null)
    {
        foreach (var column in valueColumns ?? [])
        {
            var index = table.Columns.ToList().FindIndex(c => c.Name == column);
            if (index >= 0) _values[column] = (index, []);
        }

        var positions = table.Columns.Select((c, i) => (c.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        foreach (var fk in schema.ForeignKeys.Where(f => f.PrincipalTable.Equals(table.Name)))
        {
            var id = KeyId(fk.PrincipalColumns);
            if (!_keys.ContainsKey(id)) _keys[id] = new KeyColumnStore(fk.PrincipalColumns.Select(c => positions[c]).ToArray());
        }
        _children = [.. plan.For(table.Name).Children];
        _exportDims = exportDims;
    }

    public long Count { get; private set; }

    public long Dropped { get; set; }

    private volatile bool _complete;

    /// <summary>Set once every row was added: from then on children may read it, from any thread.</summary>
    public bool IsComplete { get => _complete; set => _complete = value; }

    /// <summary>Keeps a generated row's keys, its drawn child counts and the u of its exported dimensions (from <paramref name="draw"/>).</summary>
    public void Add(object?[] row, long[] childCounts, ReadOnlySpan<double> draw)
    {
        foreach (var store in _keys.Values) store.Add(row);
        foreach (var (position, values) in _values.Values) values.Add(row[position]);
        if (_children.Count > 0)
        {
            _counts.AddRange(childCounts);
            foreach (var d in _exportDims) _context.Add(d < draw.Length ? draw[d] : double.NaN);
        }
        Count++;
    }

    public object?[] KeyOf(IReadOnlyList<string> columns, long index) => _keys[KeyId(columns)].Get((int)index);

    /// <summary>The values of one referenced key, looked up once for a caller that reads it for every row.</summary>
    public KeyColumnStore KeysOf(IReadOnlyList<string> columns) => _keys[KeyId(columns)];

    /// <summary>The drawn numbers of children in relationship <paramref name="fk"/>, one per row of this table, in row order.</summary>
    public long[] ChildCounts(ForeignKeySchema fk)
    {
        var index = ChildIndex(fk);
        var counts = new long[Count];
        for (long i = 0; i < Count; i++) counts[i] = _counts[i * _children.Count + index];
        return counts;
    }

    /// <summary>
    /// The position of <paramref name="fk"/> among the relationships this table is the primary parent
    /// of: the index of its child-count column (<see cref="DatabaseSampler.ChildCountColumnName"/>).
    /// </summary>
    public int ChildIndex(ForeignKeySchema fk)
    {
        var index = _children.FindIndex(c => c.Equals(fk));
        return index >= 0 ? index : throw new ArgumentException($"{fk} is not a relationship this table is the primary parent of.", nameof(fk));
    }

    /// <summary>The exported u of row <paramref name="row"/>, in <c>exportDims</c> order, into <paramref name="into"/>.</summary>
    public void ContextOf(long row, double[] into)
    {
        var width = _exportDims.Length;
        for (var c = 0; c < width; c++) into[c] = _context[row * width + c];
    }

    /// <summary>The value of <paramref name="column"/> in row <paramref name="row"/> (a column children copy).</summary>
    public object? ValueOf(string column, long row) => _values[column].Values[(int)row];

    /// <summary>True where this table keeps <paramref name="column"/>'s values for its children.</summary>
    public bool KeepsValues(string column) => _values.ContainsKey(column);

    /// <summary>How many dimensions each row exports.</summary>
    public int ExportCount => _exportDims.Length;

    /// <summary>The position of a dimension of this table's model among the exported ones, or -1.</summary>
    public int ExportIndex(int dimension) => Array.IndexOf(_exportDims, dimension);

    public void Dispose()
    {
        _counts.Dispose();
        _context.Dispose();
        foreach (var store in _keys.Values) store.Dispose();
    }

    private static string KeyId(IReadOnlyList<string> columns) => string.Join("\u0001", columns);

    /// <summary>
    /// One referenced key's values by row. A single integer key that runs 1, 2, 3, ... (or from any
    /// start, step 1: what generated identities do) is kept as its first value alone; any other
    /// integer key as 8 bytes a row; any other key as a boxed tuple a row.
    /// </summary>
    internal sealed class KeyColumnStore(int[] positions) : IDisposable
    {
        private long _first;
        private long _run; // how many values, from the first on, are first + index
        private ChunkedList<long>? _integers;
        private List<object?[]>? _tuples = positions.Length == 1 ? null : [];

        public void Add(object?[] row)
        {
            if (_tuples is null && row[positions[0]] is long value)
            {
                if (_integers is null && (_run == 0 || value == _first + _run))
                {
                    if (_run == 0) _first = value;
                    _run++;
                    return;
                }
                if (_integers is null)
                {
                    _integers = new ChunkedList<long>();
                    for (long i = 0; i < _run; i++) _integers.Add(_first + i);
                    _run = 0;
                }
                _integers.Add(value);
                return;
            }
            if (_tuples is null)
            {
                _tuples = [];
                for (long i = 0; i < _run; i++) _tuples.Add([_first + i]);
                for (long i = 0; _integers is not null && i < _integers.Count; i++) _tuples.Add([_integers[i]]);
                _integers = null;
                _run = 0;
            }
            _tuples.Add(positions.Select(p => row[p]).ToArray());
        }

        public void Dispose() => _integers?.Dispose();

        public object?[] Get(int index) => _tuples is not null ? _tuples[index] : [_integers is not null ? _integers[index] : _first + index];

        /// <summary>Writes row <paramref name="index"/>'s key into <paramref name="row"/> at <paramref name="columns"/>, without the array <see cref="Get"/> makes.</summary>
        public void CopyTo(int index, object?[] row, int[] columns)
        {
            if (_tuples is not null)
            {
                var key = _tuples[index];
                for (var k = 0; k < columns.Length; k++) row[columns[k]] = key[k];
                return;
            }
            row[columns[0]] = _integers is not null ? _integers[index] : _first + index;
        }
    }
}
