using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.Marginals;

/// <summary>
/// The text (<see cref="CellCodec.Format(object)"/>) of some columns of one batch, each cell formatted
/// once: the joint accumulators compare a column with several others, and formatting a number per
/// pair and row was a string allocation each time. Null cells stay null. Reused batch after batch.
/// </summary>
internal sealed class FormattedColumns
{
    private readonly string?[]?[] _columns;

    public FormattedColumns(int width) => _columns = new string?[]?[width];

    /// <summary>Formats <paramref name="columns"/> of the first <paramref name="count"/> rows of <paramref name="batch"/>.</summary>
    public void Fill(object?[][] batch, int count, IEnumerable<int> columns)
    {
        foreach (var c in columns)
        {
            var cells = _columns[c];
            if (cells is null || cells.Length < count) _columns[c] = cells = new string?[Math.Max(count, cells?.Length ?? 0)];
            for (var r = 0; r < count; r++) cells[r] = batch[r][c] is { } value ? CellCodec.Format(value) : null;
        }
    }

    /// <summary>The formatted cells of a column given to the last <see cref="Fill"/>.</summary>
    public string?[] this[int column] => _columns[column] ?? throw new InvalidOperationException($"Column {column} was not formatted for this batch.");
}
