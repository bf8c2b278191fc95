namespace Sdv.Connector.Synthesis.Evaluation;

/// <summary>
/// What an evaluation scores: the tables (columns, sdtypes, keys) and the relationships between them,
/// as SDMetrics reads them from SDV metadata. Built either from the real database's introspection or
/// from a metadata file, whose word is then final (its tables, columns, sdtypes, keys and relationships exactly).
/// </summary>
internal sealed record EvaluationMetadata(IReadOnlyList<ScoredTable> Tables, IReadOnlyList<EvaluationRelationship> Relationships)
{
    /// <summary>The table of that name, or null.</summary>
    public ScoredTable? Find(string name) => Tables.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    /// <summary>Throws when a relationship names a table or column the metadata lacks, or pairs keys of different lengths.</summary>
    /// <exception cref="ArgumentException">Listing every problem.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        foreach (var r in Relationships)
        {
            if (r.ParentColumns.Count != r.ChildColumns.Count || r.ParentColumns.Count == 0)
            {
                problems.Add($"Relationship {r} pairs {r.ChildColumns.Count} foreign key column(s) with {r.ParentColumns.Count} key column(s); they must match one to one.");
            }

            foreach (var (table, columns) in new[] { (r.ParentTable, r.ParentColumns), (r.ChildTable, r.ChildColumns) })
            {
                var scored = Find(table);
                if (scored is null)
                {
                    problems.Add($"Relationship {r} names table '{table}', which the metadata does not have; fix the metadata or include the table.");
                    continue;
                }

                problems.AddRange(columns.Where(c => scored.IndexOf(c) < 0)
                    .Select(c => $"Relationship {r} names column '{table}.{c}', which the metadata does not have; fix the metadata."));
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems));
        }
    }
}
