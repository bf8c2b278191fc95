namespace Sdv.Connector.Synthesis.Evaluation;

/// <summary>
/// One table as it is scored: its columns in metadata order (SDMetrics walks columns and pairs in this
/// order) and its keys. What is scored comes from the metadata, not from the rows.
/// </summary>
/// <param name="Name">Table name, unique in the metadata; real and synthetic tables are matched by it.</param>
/// <param name="Columns">The scored columns, in metadata order.</param>
/// <param name="PrimaryKey">Primary key columns, empty when there is none; several for a composite key.</param>
/// <param name="AlternateKeys">Unique keys other than the primary key, each a list of columns.</param>
/// <param name="SequenceIndex">The sequence index column, skipped by BoundaryAdherence as in SDMetrics; usually null.</param>
/// <param name="RowKey">
/// The columns a real row is recognised by when rows are held out of the fit (see <see cref="Privacy.HoldoutRule"/>);
/// null when no holdout is evaluated.
/// </param>
/// <param name="SourceName">The table's name in the database the fit read (what the holdout rule's seed is drawn from); null: <paramref name="Name"/>.</param>
internal sealed record ScoredTable(
    string Name,
    IReadOnlyList<EvaluationColumn> Columns,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<IReadOnlyList<string>> AlternateKeys,
    string? SequenceIndex = null,
    IReadOnlyList<string>? RowKey = null,
    string? SourceName = null)
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
}
