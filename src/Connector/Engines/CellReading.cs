namespace Sdv.Connector.Engines;

/// <summary>How <see cref="QueryRowStream.ReadAsync"/> reads each cell of a row, and what it does with the cells it cannot read.</summary>
/// <param name="Read">The engine's reader of one cell into its canonical value.</param>
/// <param name="Unreadable">Called after the last row for each column with unreadable cells: its index, their count and the first example.</param>
/// <param name="ReuseRow">
/// Yield the same array for every row, overwritten by the next one: for consumers that copy what
/// they keep (the fit copies each row into its batch), it saves an allocation per row.
/// </param>
/// <param name="ReadsNulls">
/// <paramref name="Read"/> is handed NULL cells too, and reads them as null: for a driver whose IsDBNull
/// costs as much as reading the cell (Microsoft.Data.Sqlite checks the row and asks SQLite for the
/// cell's type in both; IsDBNull was 16% of the demo fit's CPU beside 13% for GetValue).
/// </param>
internal sealed record CellReading(CellReader Read, Action<int, long, string?> Unreadable, bool ReuseRow, bool ReadsNulls = false);
