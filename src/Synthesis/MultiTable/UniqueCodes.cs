using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Models;
using Sdv.Connector.Synthesis.Sampling;
using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// The primary and unique keys of one table that hold a code of a reference table (a playlist entry's
/// playlist beside its track), kept unique across the table. The row sampler's redraws keep most rows unique;
/// a row that still repeats a key (a track in five playlists, drawn from a model that favours two) gets
/// another code, one no row of that key holds yet, drawn with the column's frequencies in the source; only
/// where no code is left (five entries of one track among two playlists kept by <c>--scale-reference</c>)
/// is the row dropped rather than written twice.
/// </summary>
internal sealed class UniqueCodes
{
    private readonly List<(int[] Columns, HashSet<string> Seen)> _keys = [];
    private readonly Dictionary<int, CodeColumn> _codes = [];

    /// <param name="restricted">Code columns of the table (by name) that may only hold the codes a scaled-down reference table kept.</param>
    public UniqueCodes(TableSchema table, TablePlan plan, TableEntry entry, IReadOnlyDictionary<string, KeptCodes> restricted)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(restricted);
        var codes = plan.ReferenceKeys.SelectMany(static f => f.Columns).ToHashSet(StringComparer.Ordinal);
        var later = plan.DeferredParents.Concat(plan.SelfReferences).SelectMany(static f => f.Columns).ToHashSet(StringComparer.Ordinal);
        var index = table.Columns.Select((c, i) => (c.Name, i)).ToDictionary(static p => p.Name, static p => p.i, StringComparer.Ordinal);
        foreach (var key in new[] { table.PrimaryKey }.OfType<KeySchema>().Concat(table.UniqueKeys))
        {
            if (!key.Columns.Any(codes.Contains) || key.Columns.Any(later.Contains)) continue;
            _keys.Add((key.Columns.Select(c => index[c]).ToArray(), new HashSet<string>(StringComparer.Ordinal)));
            foreach (var code in key.Columns.Where(codes.Contains))
            {
                if (!_codes.ContainsKey(index[code])) _codes[index[code]] = new CodeColumn(Candidates(table.Column(code), entry, restricted.GetValueOrDefault(code)));
            }
        }

        foreach (var (column, code) in _codes)
        {
            for (var k = 0; k < _keys.Count; k++)
            {
                if (Array.IndexOf(_keys[k].Columns, column) >= 0) code.Keys.Add((k, []));
            }
        }
    }

    /// <summary>True when the table has such a key.</summary>
    public bool Any => _keys.Count > 0;

    /// <summary>
    /// True when <paramref name="row"/> repeats none of the keys, if need be with one of its codes changed (in place);
    /// its keys are then recorded. False when no code could make it unique: the row must not be written.
    /// </summary>
    public bool TryKeep(object?[] row, Xoshiro256 random)
    {
        if (_keys.Count == 0 || Record(row)) return true;
        foreach (var (column, code) in _codes)
        {
            // A key without this column repeats whatever code it is given.
            if (RepeatsWithout(row, column)) continue;
            // The codes the row's other key columns already hold beside, by index in the candidates: what is left fits.
            // Picking among the left ones by their cumulative weight (exact: the weights are whole counts) picks what
            // a scan of every candidate picked, in one look-up per key instead of one per code and key.
            var taken = new List<int>();
            foreach (var (k, used) in code.Keys)
            {
                if (used.TryGetValue(Key(row, _keys[k].Columns, column), out var indexes)) taken.AddRange(indexes);
            }

            if (code.Pick(taken, random) is { } value)
            {
                row[column] = value;
                return Record(row);
            }
        }

        return false;
    }

    private bool RepeatsWithout(object?[] row, int column) =>
        _keys.Any(k => Array.IndexOf(k.Columns, column) < 0 && k.Seen.Contains(Key(row, k.Columns, -1)));

    private bool Record(object?[] row)
    {
        if (_keys.Any(k => k.Seen.Contains(Key(row, k.Columns, -1)))) return false;
        foreach (var (columns, seen) in _keys) seen.Add(Key(row, columns, -1));
        foreach (var (column, code) in _codes)
        {
            if (row[column] is not { } value || !code.IndexesOf.TryGetValue(CellCodec.Format(value), out var indexes)) continue;
            foreach (var (k, used) in code.Keys)
            {
                var rest = Key(row, _keys[k].Columns, column);
                if (!used.TryGetValue(rest, out var list)) used[rest] = list = [];
                list.AddRange(indexes);
            }
        }

        return true;
    }

    /// <summary>The key's text; the cell of <paramref name="blank"/> (a code column, or -1 for none) left out, for the codes beside the rest.</summary>
    private static string Key(object?[] row, int[] columns, int blank) =>
        string.Join('\u0001', columns.Select(c => c == blank ? "\u0002" : row[c] is { } v ? CellCodec.Format(v) : "\u0000"));

    /// <summary>The codes the column may take (its model's categories, within the kept ones where restricted), with their source counts (all 1 where none is known).</summary>
    private static (object[] Values, double[] Weights) Candidates(ColumnSchema column, TableEntry entry, KeptCodes? kept)
    {
        var kind = ValueKinds.Of(column.LogicalType);
        var values = new List<object>();
        var weights = new List<double>();
        if (entry.Model.Data.Columns.FirstOrDefault(c => c.Name == column.Name) is CategoricalColumnModel categories)
        {
            for (var i = 0; i < categories.Values.Length; i++)
            {
                if (categories.Values[i] is not { } text) continue;
                var value = CellCodec.Parse(text, kind);
                if (kept is not null && !kept.Holds(value)) continue;
                values.Add(value);
                weights.Add(Math.Max(1, categories.Counts[i]));
            }
        }

        // Kept codes the column never used in the source are still codes it may take.
        foreach (var value in kept?.Values ?? [])
        {
            if (values.Contains(value)) continue;
            values.Add(value);
            weights.Add(1);
        }

        return ([.. values], [.. weights]);
    }
}
