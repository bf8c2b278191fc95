namespace Sdv.Connector.Synthesis.Marginals;

/// <summary>An accumulator that counts NULLs and learns from each non-null value on its own (<see cref="Add"/>).</summary>
internal abstract class ValueAccumulator : ColumnAccumulator
{
    /// <summary>Non-null values seen.</summary>
    public long Count { get; private set; }

    public long Nulls { get; private set; }

    public sealed override void Observe(object?[][] rows, int count, int column)
    {
        for (var r = 0; r < count; r++)
        {
            var value = rows[r][column];
            if (value is null or DBNull)
            {
                Nulls++;
                continue;
            }

            Count++;
            Row = rows[r];
            Add(value);
        }
    }

    /// <summary>The row whose value <see cref="Add"/> is given (for an accumulator that reads another of its cells).</summary>
    protected object?[] Row { get; private set; } = [];

    /// <summary>Learns from one non-null value (<see cref="Count"/> already counts it).</summary>
    protected abstract void Add(object value);
}
