namespace Sdv.Connector.Synthesis.Evaluation;

/// <summary>
/// A set of tables held in memory and the relationships between them. The real dataset also serves as the
/// metadata (sdtypes, keys, relationships); a synthetic dataset is matched to it by table and
/// column names, so its column order may differ.
/// </summary>
internal sealed record EvaluationDataset(
    IReadOnlyList<EvaluationTable> Tables,
    IReadOnlyList<EvaluationRelationship> Relationships)
{
    /// <summary>The table of that name, or null.</summary>
    public EvaluationTable? Find(string name)
    {
        foreach (var table in Tables)
        {
            if (string.Equals(table.Name, name, StringComparison.Ordinal))
            {
                return table;
            }
        }

        return null;
    }

    /// <summary>What these tables say is scored: their columns, keys and relationships.</summary>
    public EvaluationMetadata Metadata() => new(Tables.Select(t => t.Scored()).ToList(), Relationships);
}
