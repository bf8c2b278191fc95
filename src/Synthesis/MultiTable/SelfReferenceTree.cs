using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>A self-referencing foreign key of the table being sampled, with what each row needs of it resolved once.</summary>
internal sealed record SelfReferenceTree(WeightedPicker Tree, CountDistribution? Counts, bool Nullable, int[] Columns, int[] PrincipalColumns,
    GeneratedTable.KeyColumnStore Keys)
{
    private long _rows;
    private long _roots;
    private double _offset = -1;

    private double _spread = -1;

    private const double GoldenRatioFraction = 0.6180339887498949;

    /// <summary>Each row's fan-out as drawn, its places taken or not.</summary>
    private readonly WeightedPicker _fanOuts = new();

    /// <summary>
    /// Points the row at an earlier row of the table (by the source's fan-out) or makes it a root, then lets it be a parent
    /// in turn. Roots come by systematic sampling, not a coin per row, so their number is the source's share of the rows
    /// to within one: Chinook's eight employees have one root (the general manager), where a coin gave two. Each row
    /// draws how many children it will have (a root from the roots' fan-out, another row from the others') and a child
    /// takes one of those places, so the source's children per row hold: a flat list under one head stays flat,
    /// where drawing parents by popularity alone grew a chain of one or two children each.
    /// </summary>
    /// <returns>True where the row is a root.</returns>
    public bool Set(object?[] row, Xoshiro256 random)
    {
        var (tree, counts) = (Tree, Counts);
        var rootShare = counts?.NullShare ?? 1;
        if (_offset < 0) _offset = random.NextDouble();
        // The roots due by this row: the first row is one whatever (it has no one to point at), and counts toward them.
        var due = (long)Math.Floor(++_rows * rootShare + _offset);
        // Where every place is taken, a root rather than a child of any row, up to the source's number of roots: the heads
        // of a tree come first, as in the source, not spread over the rows (a head drawn last has no one left to lead).
        var open = counts is null ? tree.Total : tree.Total >= 0.5 ? tree.Total : 0;
        var rootsAtMost = counts is null ? 0 : (long)Math.Ceiling(rootShare * Math.Max(_rows, counts.Parents));
        var index = -1;
        if (tree.Count > 0 && _roots >= due && (open > 0 || _roots >= rootsAtMost))
        {
            index = open > 0 ? tree.Pick(random.NextDouble()) : -1;
            if (index >= 0 && counts is not null) tree.Adjust(index, -Math.Min(1, tree.WeightOf(index)));
            // Every place is taken (the rows that drew children came late): one more child for a row that has children, by
            // its fan-out, so leaves stay leaves; else any earlier row; not one more root.
            if (index < 0) index = _fanOuts.Pick(random.NextDouble());
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
        // This row may itself become a parent: its places are a fan-out drawn from the source's, a root's from the roots'.
        var fanOut = counts is null ? null : index < 0 ? counts.Roots ?? counts : counts.NonRoots();
        // The fan-outs come from a golden-ratio sequence from a random start, not one coin each: their mix is the source's
        // to within a row or two (a tree of 30 managers among 330 rows had 23 to 37 of them by coin).
        _spread = _spread < 0 ? random.NextDouble() : (_spread + GoldenRatioFraction) % 1.0;
        var places = fanOut is null ? 1 : fanOut.Draw(_spread);
        tree.Add(places);
        _fanOuts.Add(places);
        return index < 0;
    }
}
