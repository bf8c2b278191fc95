namespace Sdv.Connector.Synthesis.MultiTable;

/// <summary>Cells of a row picked by position, and the text signature that matches or keeps unique a set of values.</summary>
internal static class RowCells
{
    /// <summary>The cells at <paramref name="indexes"/>, in that order (a key read whole before any of it is written).</summary>
    public static object?[] Pick(object?[] row, int[] indexes)
    {
        var cells = new object?[indexes.Length];
        for (var i = 0; i < indexes.Length; i++) cells[i] = row[indexes[i]];
        return cells;
    }

    /// <summary>A link table's pair of parent keys as one string, to keep the pair unique.</summary>
    public static string PairKey(object?[] row, int[] columns)
    {
        var parts = new string[columns.Length];
        for (var i = 0; i < columns.Length; i++) parts[i] = Format(row[columns[i]]);
        return string.Join('\u0001', parts);
    }

    /// <summary>Values as one string (NULL distinct from every text), to match a child's drawn values with a parent's.</summary>
    public static string Signature(IEnumerable<object?> values) => string.Join('\u0001', values.Select(Format));

    private static string Format(object? value) => value switch
    {
        null => "\u0000",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
