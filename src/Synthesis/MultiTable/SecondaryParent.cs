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

    /// <summary>
    /// Where the key shares columns with a key set before it (the primary parent's, an earlier secondary one's): the
    /// parents grouped by those columns' values, so the row's parent agrees with what it holds there; null where none.
    /// <see cref="Nullable"/> is then about the key's other columns only.
    /// </summary>
    public SharedKeyPicker? Shared { get; init; }

    /// <summary>
    /// Picks the row's parent (or NULL, in the source's share) and writes its key, and the columns equal to the parent's, into the row.
    /// False where the key shares columns with an earlier one, no parent agrees with the row there, and the key may not be NULL.
    /// </summary>
    public bool Set(object?[] row, QualifiedName table, Xoshiro256 random, List<string> warnings)
    {
        var parent = Parent;
        var nullable = Nullable;
        var index = -1;
        var unmatched = false;
        // Where an equality holds in part of the rows only, a row outside that share picks its parent by popularity
        // alone and keeps the values it drew for the partial columns.
        var matched = PartialShare >= 1 || random.NextDouble() < PartialShare;
        if (!(nullable && random.NextDouble() < NullShare))
        {
            var signature = Equal.Length == 0 || !matched ? null : RowCells.Signature(Equal.Select(e => row[e.Child]));
            if (Shared is { } shared && !shared.HasNull(row))
            {
                index = shared.Pick(row, signature, random);
                unmatched = index < 0;
            }
            else
            {
                index = Picker.Pick(signature, random);
                if (index < 0 && parent.Count > 0) index = random.NextInt((int)Math.Min(int.MaxValue, parent.Count));
            }
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
        if (Shared is { } own)
        {
            // The shared cells belong to the key set before this one: they are kept, only the others written (or NULL).
            var key = index >= 0 ? Keys.Get(index) : null;
            for (var k = 0; k < Columns.Length; k++)
            {
                if (!own.IsShared[k]) row[Columns[k]] = key?[k];
            }

            return !(unmatched && !nullable);
        }
        if (index >= 0)
        {
            Keys.CopyTo(index, row, Columns);
        }
        else
        {
            foreach (var c in Columns) row[c] = null;
        }

        return true;
    }
}
