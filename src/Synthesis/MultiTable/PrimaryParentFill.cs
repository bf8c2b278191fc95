using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// What a child row takes from the primary parent it was drawn under: the parent's key, the columns equal to the
/// parent's in the source (in their share of the rows), and the number within the parent of a key column that
/// completes the parent's key (an order line's line_no).
/// </summary>
internal sealed class PrimaryParentFill
{
    private readonly int[] _keyIndexes;
    private readonly (int Child, string ParentColumn, double Share, ColumnEquality Equality, Models.CategoricalColumnModel? Kept, bool NotNull)[] _equal;
    private readonly GeneratedTable? _parent;
    private readonly int _numberIndex;
    private object?[]? _numberedParent;
    private long _number;

    /// <param name="parent">The primary parent's generated rows; null where the table has none (then nothing is copied).</param>
    public PrimaryParentFill(TableDrawScope scope, GeneratedTable? parent)
    {
        var (plan, columnIndex) = (scope.Plan, scope.ColumnIndex);
        _keyIndexes = plan.PrimaryParent?.Columns.Select(c => columnIndex[c]).ToArray() ?? [];
        _equal = parent is not null && plan.PrimaryParent is { } owner
            ? scope.Entry.Equalities.Where(e => e.ForeignKey == TableEntry.KeyOf(owner) && parent.KeepsValues(e.ParentColumn))
                .Select(e => (Child: columnIndex[e.ChildColumn], e.ParentColumn, Share: e.IsPartial ? e.Share : 1.0, Equality: e,
                    Kept: e.KeptCategoriesOnly ? scope.Entry.Model.Data.Columns.FirstOrDefault(c => c.Name == e.ChildColumn) as Models.CategoricalColumnModel : null,
                    NotNull: !scope.Table.Column(e.ChildColumn).IsNullable)).ToArray()
            : [];
        _parent = parent;
        var numbered = NumberedWithinParent(scope.Table, plan);
        _numberIndex = numbered is null ? -1 : columnIndex[numbered];
    }

    /// <summary>Writes the parent's key and what the row copies of the parent; rows of one parent come one after another.</summary>
    public void Apply(object?[] row, object?[] parentKey, long parentRow, Xoshiro256 random)
    {
        for (var k = 0; k < _keyIndexes.Length; k++) row[_keyIndexes[k]] = parentKey[k];
        // One draw per row for every partial equality, so they fail together: an order shipped elsewhere than its customer
        // has a name, an address, a city and a postal code of its own, not the customer's street in another town.
        var draw = -1.0;
        foreach (var (child, parentColumn, share, equality, kept, notNull) in _equal)
        {
            // A partial equality holds in its share of the rows; the others keep the value the row drew, or take a
            // common multiple of the parent's (a price before a rise).
            var parentValue = _parent!.ValueOf(parentColumn, parentRow);
            if (share < 1 && draw < 0) draw = random.NextDouble();
            if (share >= 1 || draw < share)
            {
                // A NULL of the parent never goes into a NOT NULL column: the equality held on the parent's values that
                // were set (a login equal to its partner's e-mail, where the partner has one), and the row keeps its own.
                if ((kept is null || kept.Keeps(parentValue)) && !(notNull && parentValue is null)) row[child] = parentValue;
            }
            else
            {
                row[child] = equality.Unequal(parentValue, row[child], random);
            }
        }
        if (_numberIndex >= 0)
        {
            // Rows of one parent come together (the same key array), so the count restarts at each new parent.
            if (!ReferenceEquals(parentKey, _numberedParent)) (_numberedParent, _number) = (parentKey, 0);
            row[_numberIndex] = SmallNumbers.Box(++_number);
        }
    }

    /// <summary>
    /// The one integer column that completes a composite primary or unique key with the primary parent's key
    /// (an order line's line_no under its order_id), or null. It is numbered 1, 2, ... within each
    /// parent, as such columns are in practice: a table-wide sequence would also be unique but would
    /// run far outside the source's values (line 2,700 of an order that has three).
    /// </summary>
    private static string? NumberedWithinParent(TableSchema table, TablePlan plan)
    {
        if (plan.PrimaryParent is not { } primary) return null;
        foreach (var key in new[] { table.PrimaryKey }.OfType<KeySchema>().Concat(table.UniqueKeys))
        {
            if (key.Columns.Count < 2 || !primary.Columns.All(key.Columns.Contains)) continue;
            var rest = key.Columns.Except(primary.Columns, StringComparer.Ordinal).ToList();
            // Any foreign key column is out, a reference table's code included: numbering a playlist id 1, 2, 3
            // within each track put every track in playlists 1 and 2 and left the other playlists empty.
            if (rest.Count != 1 || table.ForeignKeys.Any(f => f.Columns.Contains(rest[0], StringComparer.Ordinal))) continue;
            var column = table.Column(rest[0]);
            if (column.GeneratedSql is null && column.LogicalType is LogicalType.Int8 or LogicalType.Int16 or LogicalType.Int32 or LogicalType.Int64) return column.Name;
        }
        return null;
    }
}
