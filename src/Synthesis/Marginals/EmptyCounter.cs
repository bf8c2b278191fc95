namespace Sdv.Connector.Synthesis.Marginals;

/// <summary>
/// Counts the empty strings of a column whose values are generated (personal data): MySQL applications write '' where
/// there is no value (a NOT NULL DEFAULT '' e-mail, website or birthday), and a clone that fills every such row with a
/// made-up address reads as another application's data.
/// </summary>
internal sealed class EmptyCounter : ColumnAccumulator
{
    public long Empties { get; private set; }

    public override void Observe(object?[][] rows, int count, int column)
    {
        for (var i = 0; i < count; i++)
        {
            if (rows[i][column] is string { Length: 0 }) Empties++;
        }
    }
}
