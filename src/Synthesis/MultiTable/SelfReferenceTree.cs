using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>A self-referencing foreign key of the table being sampled, with what each row needs of it resolved once.</summary>
internal sealed record SelfReferenceTree(WeightedPicker Tree, CountDistribution? Counts, bool Nullable, int[] Columns, int[] PrincipalColumns,
    GeneratedTable.KeyColumnStore Keys)
{
    private long _rows;
    private long _roots;
    private double _offset = -1;

    /// <summary>
    /// Points the row at an earlier row of the table (by the source's fan-out) or makes it a root, then lets it be a parent
    /// in turn. Roots come by systematic sampling, not a coin per row, so their number is the source's share of the rows
    /// to within one: Chinook's eight employees have one root (the general manager), where a coin gave two.
    /// </summary>
    /// <returns>True where the row is a root.</returns>
    public bool Set(object?[] row, Xoshiro256 random)
    {
        var (tree, counts) = (Tree, Counts);
        var rootShare = counts?.NullShare ?? 1;
        if (_offset < 0) _offset = random.NextDouble();
        // The roots due by this row: the first row is one whatever (it has no one to point at), and counts toward them.
        var due = (long)Math.Floor(++_rows * rootShare + _offset);
        var index = -1;
        if (tree.Count > 0 && _roots >= due)
        {
            index = tree.Pick(random.NextDouble());
            // Every earlier row drew a fan-out of none (most employees manage no one): any of them, not one more root.
            if (index < 0) index = random.NextInt(tree.Count);
        }

        if (index < 0) _roots++;
        if (index >= 0)
        {
            Keys.CopyTo(index, row, Columns);
        }
        else
        {
            // A root: NULL, or, where the key is NOT NULL, a row that points at itself, as NOT NULL trees do
            // (its own key read whole before any of it is written, in case the two share a column).
            var value = Nullable ? null : RowCells.Pick(row, PrincipalColumns);
            for (var k = 0; k < Columns.Length; k++) row[Columns[k]] = value?[k];
        }
        // This row may itself become a parent: its weight is a fan-out drawn from the source's.
        tree.Add(counts is null ? 1 : counts.Draw(random.NextDouble()));
        return index < 0;
    }
}
