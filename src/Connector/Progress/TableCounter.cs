namespace Sdv.Connector.Progress;

/// <summary>
/// Rows done in one table: counted by the one loop that reads or writes them (one thread at a time; an
/// await that moves the loop to another thread is a full barrier), read by a progress view ten times a
/// second. A plain increment, so counting costs the loop nothing measurable.
/// </summary>
internal sealed class TableCounter
{
    private long _rows;
    private volatile bool _finished;

    /// <summary>Rows counted so far (a view may read a value a few rows old).</summary>
    public long Rows => Volatile.Read(ref _rows);

    /// <summary>True once the last row went by: what is left of the table's work is not per row (building the model, the writer's last batch).</summary>
    public bool Finished => _finished;

    public void Add() => _rows++;

    public void Finish() => _finished = true;
}
