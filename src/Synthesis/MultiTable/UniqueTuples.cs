using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Generators;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// The last guard of a table's composite primary and unique keys, after the row has its parents and what it copies of
/// them. The row sampler keeps the tuples it draws unique, but a cell copied from the parent afterwards (Odoo's
/// <c>ir_model_fields.model</c>, its model's name, in UNIQUE (model, name)) can make two rows repeat one, and the target
/// refuses the whole table. A repeat has a text cell of the key that no foreign key holds suffixed ("active-2") until the
/// tuple is new (a key without such a cell is not tracked: its tuples would cost memory for nothing mendable).
/// </summary>
internal sealed class UniqueTuples
{
    /// <summary>Suffixes tried on one repeat before the row is dropped.</summary>
    private const int MaxSuffixes = 1_000;

    private readonly List<(int[] Columns, int[] Free, int?[] Widths, HashSet<string> Seen)> _keys = [];
    private long _counter;

    /// <param name="idColumns">Row positions whose values the sampler makes unique on its own (ids): a key holding one never repeats.</param>
    public UniqueTuples(TableSchema table, IReadOnlyDictionary<string, int> columnIndex, IReadOnlySet<int> idColumns)
    {
        ArgumentNullException.ThrowIfNull(table);
        var keyed = table.ForeignKeys.SelectMany(static f => f.Columns).ToHashSet(StringComparer.Ordinal);
        foreach (var key in new[] { table.PrimaryKey }.OfType<KeySchema>().Concat(table.UniqueKeys))
        {
            if (key.Columns.Count < 2 || !key.Columns.All(columnIndex.ContainsKey)) continue;
            var columns = key.Columns.Select(c => columnIndex[c]).ToArray();
            // A key of foreign keys alone is kept unique where its parents are picked; one holding an id cannot repeat.
            if (key.Columns.All(keyed.Contains) || columns.Any(idColumns.Contains)) continue;
            var free = key.Columns.Where(c => !keyed.Contains(c) && Transforms.ValueKinds.Of(table.Column(c).LogicalType) == Transforms.ValueKind.String)
                .Select(c => columnIndex[c]).ToArray();
            // Only a key with a cell to suffix is kept in memory: a repeat of another (a parent and a number) cannot be mended here.
            if (free.Length == 0) continue;
            _keys.Add((columns, free, free.Select(i => table.Columns[i].MaxLength).ToArray(), new HashSet<string>(StringComparer.Ordinal)));
        }
    }

    /// <summary>False where the row repeats a key's tuple and no suffix made it new: drop it rather than fail the load.</summary>
    public bool TryKeep(object?[] row)
    {
        foreach (var (columns, free, widths, seen) in _keys)
        {
            // NULL never repeats in a unique key.
            if (columns.Any(c => row[c] is null)) continue;
            if (seen.Add(RowCells.PairKey(row, columns))) continue;
            if (!TrySuffix(row, columns, free, widths, seen)) return false;
        }
        return true;
    }

    private bool TrySuffix(object?[] row, int[] columns, int[] free, int?[] widths, HashSet<string> seen)
    {
        for (var f = free.Length - 1; f >= 0; f--)
        {
            if (row[free[f]] is not string original) continue;
            for (var attempt = 0; attempt < MaxSuffixes; attempt++)
            {
                row[free[f]] = ShapeGenerator.WithSuffix(original, ++_counter, widths[f]);
                if (seen.Add(RowCells.PairKey(row, columns))) return true;
            }
            row[free[f]] = original;
        }
        return false;
    }
}
