namespace Sdv.Connector.Synthesis.Marginals;

/// <summary>
/// Streaming statistics of one column. Works a batch at a time, column by column, so the virtual
/// call is per batch and each accumulator can run on its own thread: its state is touched by one
/// thread per batch only.
/// </summary>
internal abstract class ColumnAccumulator
{
    public abstract void Observe(object?[][] rows, int count, int column);
}
