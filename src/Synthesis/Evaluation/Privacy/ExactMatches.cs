using Sdv.Connector.Synthesis.Evaluation.Reports;
using Sdv.Connector.Synthesis.Evaluation.Results;

namespace Sdv.Connector.Synthesis.Evaluation.Privacy;

/// <summary>
/// Synthetic rows that equal a real row on every non-key column (nulls equal nulls, 1 equals 1.0).
/// Real rows are hashed once, so every row is checked, however big the table.
/// </summary>
internal static class ExactMatches
{
    /// <summary>The table's matches, or null when it has no non-key column or the synthetic data lacks one.</summary>
    public static ExactMatchDetail? Of(TablePair table, ISet<string> keyColumns)
    {
        var columns = table.Real.Columns.Select(c => c.Name).Where(n => !keyColumns.Contains(n)).ToArray();
        var synthPositions = table.SyntheticPositions(columns);
        if (columns.Length == 0 || synthPositions is null)
        {
            return null;
        }

        var realPositions = table.RealPositions(columns);
        var real = new HashSet<RowKey>(table.Real.Rows.Select(row => Project(row, realPositions)));
        long matches = table.Synthetic.Rows.Count(row => real.Contains(Project(row, synthPositions)));
        var rows = table.Synthetic.Rows.Count;
        return new ExactMatchDetail(table.Name, columns, rows, matches, rows == 0 ? null : (double)matches / rows);
    }

    private static RowKey Project(object?[] row, int[] positions)
    {
        var parts = new object[positions.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = CellValues.Key(row[positions[i]]);
        }

        return new RowKey(parts);
    }
}
