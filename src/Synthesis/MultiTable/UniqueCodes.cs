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
    private readonly Dictionary<int, (object[] Values, double[] Weights)> _codes = [];

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
                _codes.TryAdd(index[code], Candidates(table.Column(code), entry, restricted.GetValueOrDefault(code)));
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
        foreach (var (column, (values, weights)) in _codes)
        {
            var original = row[column];
            var picker = new WeightedPicker();
            var fits = new List<object>();
            for (var i = 0; i < values.Length; i++)
            {
                row[column] = values[i];
                if (Equals(values[i], original) || Repeated(row)) continue;
                fits.Add(values[i]);
                picker.Add(weights[i]);
            }

            if (fits.Count > 0)
            {
                row[column] = fits[Math.Max(0, picker.Pick(random.NextDouble()))];
                return Record(row);
            }

            row[column] = original;
        }

        return false;
    }

    private bool Repeated(object?[] row) => _keys.Any(k => k.Seen.Contains(Key(row, k.Columns)));

    private bool Record(object?[] row)
    {
        if (Repeated(row)) return false;
        foreach (var (columns, seen) in _keys) seen.Add(Key(row, columns));
        return true;
    }

    private static string Key(object?[] row, int[] columns) =>
        string.Join('\u0001', columns.Select(c => row[c] is { } v ? CellCodec.Format(v) : "\u0000"));

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
