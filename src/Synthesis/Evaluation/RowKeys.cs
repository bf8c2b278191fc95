namespace Sdv.Connector.Synthesis.Evaluation;

/// <summary>Builds <see cref="RowKey"/>s for key columns; a key with any null part is null (it matches nothing).</summary>
internal static class RowKeys
{
    /// <summary>The key of each row over the given column positions.</summary>
    public static RowKey?[] Of(IReadOnlyList<object?[]> rows, IReadOnlyList<int> columns)
    {
        var keys = new RowKey?[rows.Count];
        for (var r = 0; r < keys.Length; r++)
        {
            keys[r] = Of(rows[r], columns);
        }

        return keys;
    }

    /// <summary>Single-column keys from plain values.</summary>
    public static RowKey?[] Of(IEnumerable<object?> values) =>
        values.Select(v => CellValues.IsNull(v) ? (RowKey?)null : new RowKey([CellValues.Key(v)])).ToArray();

    private static RowKey? Of(object?[] row, IReadOnlyList<int> columns)
    {
        var parts = new object[columns.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            var cell = row[columns[i]];
            if (CellValues.IsNull(cell))
            {
                return null;
            }

            parts[i] = CellValues.Key(cell);
        }

        return new RowKey(parts);
    }
}
