namespace Sdv.Connector.Synthesis.Evaluation.Reports;

/// <summary>
/// A real table (which carries the metadata) and its synthetic counterpart, with the synthetic
/// column holding each metadata column (-1 when the synthetic data lacks it).
/// </summary>
internal sealed class TablePair
{
    private readonly int[] syntheticIndex;

    public TablePair(EvaluationTable real, EvaluationTable? synthetic)
    {
        Real = real;

        // A table the synthetic data lacks is evaluated as empty, so its metrics say so instead of failing the run.
        Synthetic = synthetic ?? real with { Rows = [] };
        syntheticIndex = real.Columns.Select(c => Synthetic.IndexOf(c.Name)).ToArray();
    }

    public EvaluationTable Real { get; }

    public EvaluationTable Synthetic { get; }

    public string Name => Real.Name;

    public object?[] RealValues(int column) => Real.ColumnValues(column);

    /// <summary>The synthetic cells of metadata column <paramref name="column"/>, or null when the synthetic table lacks it.</summary>
    public object?[]? SyntheticValues(int column) =>
        syntheticIndex[column] < 0 ? null : Synthetic.ColumnValues(syntheticIndex[column]);

    /// <summary>Synthetic positions of metadata columns, or null when one is missing.</summary>
    public int[]? SyntheticPositions(IReadOnlyList<string> columns)
    {
        var positions = columns.Select(c => Synthetic.IndexOf(c)).ToArray();
        return positions.Any(p => p < 0) ? null : positions;
    }

    /// <summary>Real positions of metadata columns; a name the table lacks is a metadata error.</summary>
    public int[] RealPositions(IReadOnlyList<string> columns)
    {
        var positions = new int[columns.Count];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = Real.IndexOf(columns[i]);
            if (positions[i] < 0)
            {
                throw new ArgumentException($"Table {Name} has no column '{columns[i]}', which its keys or relationships name; fix the metadata.");
            }
        }

        return positions;
    }
}
