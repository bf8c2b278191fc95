using Sdv.Connector.Synthesis.Transforms;

namespace Sdv.Connector.Synthesis.Marginals;

/// <summary>
/// The text (<see cref="CellCodec.Format(object)"/>) of some columns of one batch, each cell formatted
/// once: the joint accumulators compare a column with several others, and formatting a number per
/// pair and row was a string allocation each time. Null cells stay null. Reused batch after batch:
/// an accumulator names the columns it needs (<see cref="Want"/>), then <see cref="Fill"/> formats each once.
/// </summary>
internal sealed class FormattedColumns
{
    private readonly HashSet<int> _wanted = [];
    private string?[]?[] _columns = [];

    /// <summary>Asks for <paramref name="column"/> in the next <see cref="Fill"/> (asking twice is asking once).</summary>
    public void Want(int column) => _wanted.Add(column);

    /// <summary>
    /// Formats the wanted columns of the first <paramref name="count"/> rows of <paramref name="batch"/>
    /// and forgets the wants; false, with nothing done, when no column was wanted or the batch is empty.
    /// </summary>
    public bool Fill(object?[][] batch, int count)
    {
        if (count == 0 || _wanted.Count == 0)
        {
            _wanted.Clear();
            return false;
        }
        if (_columns.Length < batch[0].Length) Array.Resize(ref _columns, batch[0].Length);
        foreach (var c in _wanted)
        {
            var cells = _columns[c];
            if (cells is null || cells.Length < count) _columns[c] = cells = new string?[Math.Max(count, cells?.Length ?? 0)];
            for (var r = 0; r < count; r++) cells[r] = batch[r][c] is { } value ? CellCodec.Format(value) : null;
        }
        _wanted.Clear();
        return true;
    }

    /// <summary>The formatted cells of a column given to the last <see cref="Fill"/>.</summary>
    public string?[] this[int column] => _columns[column] ?? throw new InvalidOperationException($"Column {column} was not formatted for this batch.");
}
