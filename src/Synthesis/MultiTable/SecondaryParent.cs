using Sdv.Connector.SchemaIntrospection.Model;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>
/// One secondary foreign key, with what every row needs of it worked out once: the parents' popularity,
/// and, where child columns equal parent columns in the source, one picker per combination of those
/// parent values, so a row picks a parent that matches what it drew (a line priced 1.99 a track at 1.99).
/// </summary>
internal sealed record SecondaryParent(ForeignKeySchema ForeignKey, ParentPicker Picker, (int Child, string ParentColumn)[] Equal, GeneratedTable Parent, bool Nullable, double NullShare, int[] Columns)
{
    public GeneratedTable.KeyColumnStore Keys { get; } = Parent.KeysOf(ForeignKey.PrincipalColumns);

    /// <summary>Share of rows whose parent is matched on the columns (1 unless some equality holds in part of the rows only).</summary>
    public double PartialShare { get; init; } = 1;

    /// <summary>Per <see cref="Equal"/> column: true where the equality holds in every row (copied whatever parent is picked).</summary>
    public bool[] Whole { get; init; } = [];

    /// <summary>Per <see cref="Equal"/> column, the equality it comes from (for the multiples of a partial one).</summary>
    public IReadOnlyList<ColumnEquality> Equalities { get; init; } = [];

    /// <summary>Picks the row's parent (or NULL, in the source's share) and writes its key, and the columns equal to the parent's, into the row.</summary>
    public void Set(object?[] row, QualifiedName table, Xoshiro256 random, List<string> warnings)
    {
        var parent = Parent;
        var nullable = Nullable;
        var index = -1;
        // Where an equality holds in part of the rows only, a row outside that share picks its parent by popularity
        // alone and keeps the values it drew for the partial columns.
        var matched = PartialShare >= 1 || random.NextDouble() < PartialShare;
        if (!(nullable && random.NextDouble() < NullShare))
        {
            index = Picker.Pick(Equal.Length == 0 || !matched ? null : RowCells.Signature(Equal.Select(e => row[e.Child])), random);
            if (index < 0 && parent.Count > 0) index = random.NextInt((int)Math.Min(int.MaxValue, parent.Count));
        }

        if (index >= 0)
        {
            for (var e = 0; e < Equal.Length; e++)
            {
                var parentValue = parent.ValueOf(Equal[e].ParentColumn, index);
                if (matched || Whole[e]) row[Equal[e].Child] = parentValue;
                else row[Equal[e].Child] = Equalities[e].Unequal(parentValue, row[Equal[e].Child], random);
            }
        }

        var fk = ForeignKey;
        if (index < 0 && !nullable && parent.Count == 0)
        {
            warnings.Add($"{table}: its parent {fk.PrincipalTable} has no rows, so NOT NULL key ({string.Join(", ", fk.Columns)}) cannot be filled.");
        }
        if (index >= 0)
        {
            Keys.CopyTo(index, row, Columns);
        }
        else
        {
            foreach (var c in Columns) row[c] = null;
        }
    }
}
