using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// What the sampler remembers of a generated table for the tables after it: the values of every
/// key that other tables reference (by row index), and for its children each row's drawn child
/// counts and context values. Memory grows with the rows of tables that are parents; leaf tables
/// keep nothing.
/// </summary>
internal sealed class GeneratedTable
{
    private readonly Dictionary<string, (int[] Positions, List<object?[]> Values)> _keys = new(StringComparer.Ordinal);
    private readonly List<ForeignKeySchema> _children;
    private readonly int[] _contextPositions;
    private readonly List<long[]> _counts = [];
    private readonly List<object?[]> _context = [];

    public GeneratedTable(TableSchema table, DatabaseSchema schema, DatabasePlan plan)
    {
        var positions = table.Columns.Select((c, i) => (c.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        foreach (var fk in schema.ForeignKeys.Where(f => f.PrincipalTable.Equals(table.Name)))
        {
            var id = KeyId(fk.PrincipalColumns);
            if (!_keys.ContainsKey(id)) _keys[id] = (fk.PrincipalColumns.Select(c => positions[c]).ToArray(), []);
        }
        _children = [.. plan.For(table.Name).Children];
        // Every child of a table is conditioned on the same parent columns (DatabasePlan picks them from the parent alone).
        var contextColumns = _children.Count == 0 ? [] : plan.For(_children[0].Table).ParentContextColumns;
        _contextPositions = contextColumns.Select(c => positions[c]).ToArray();
    }

    public long Count { get; private set; }

    public long Dropped { get; set; }

    public void Add(object?[] row, long[] childCounts)
    {
        foreach (var (positions, values) in _keys.Values) values.Add(positions.Select(p => row[p]).ToArray());
        if (_children.Count > 0)
        {
            _counts.Add(childCounts);
            _context.Add(_contextPositions.Select(p => ContextEncoding.ToNumber(row[p])).ToArray());
        }
        Count++;
    }

    public object?[] KeyOf(IReadOnlyList<string> columns, long index) => _keys[KeyId(columns)].Values[(int)index];

    /// <summary>Per parent row: the number of children it drew in relationship <paramref name="fk"/>, and its context values.</summary>
    public IEnumerable<(long Count, object?[] Context)> ChildSpool(ForeignKeySchema fk)
    {
        var index = _children.FindIndex(c => c.Equals(fk));
        for (var i = 0; i < _counts.Count; i++) yield return (_counts[i][index], _context[i]);
    }

    private static string KeyId(IReadOnlyList<string> columns) => string.Join("\u0001", columns);
}
