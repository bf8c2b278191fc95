namespace Sdv.Connector.Synthesis.Evaluation;

/// <summary>
/// One table of rows to evaluate. A row is an <c>object?[]</c> in <see cref="Columns"/> order; a cell
/// is null or one of bool, an integer type, decimal, double, float, string, DateOnly, DateTime,
/// DateTimeOffset, TimeOnly, TimeSpan, Guid or byte[].
/// </summary>
/// <param name="Name">Table name, unique in its dataset; real and synthetic tables are matched by it.</param>
/// <param name="Columns">Columns in metadata order (SDMetrics walks columns and pairs in this order).</param>
/// <param name="PrimaryKey">Primary key columns, empty when there is none; several for a composite key.</param>
/// <param name="AlternateKeys">Unique keys other than the primary key, each a list of columns.</param>
/// <param name="Rows">The rows.</param>
/// <param name="SequenceIndex">The sequence index column, skipped by BoundaryAdherence as in SDMetrics; usually null.</param>
internal sealed record EvaluationTable(
    string Name,
    IReadOnlyList<EvaluationColumn> Columns,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<IReadOnlyList<string>> AlternateKeys,
    IReadOnlyList<object?[]> Rows,
    string? SequenceIndex = null)
{
    /// <summary>Position of a column by name, or -1.</summary>
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The table's metadata: what is scored; rows are recognised (for a holdout) by the primary key, else by all columns.</summary>
    public ScoredTable Scored() =>
        new(Name, Columns, PrimaryKey, AlternateKeys, SequenceIndex, PrimaryKey.Count > 0 ? PrimaryKey : Columns.Select(c => c.Name).ToList());

    /// <summary>The cells of one column, in row order.</summary>
    public object?[] ColumnValues(int index)
    {
        var values = new object?[Rows.Count];
        for (var r = 0; r < values.Length; r++)
        {
            values[r] = Rows[r][index];
        }

        return values;
    }
}
