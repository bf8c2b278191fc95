namespace Sdv.Connector.Synthesis.Models;

/// <summary>
/// An appended column as a table's model sees it: its name, the parent model's column whose statistics
/// encode it (given columns), and whether it is given when sampling or drawn with the row.
/// </summary>
internal sealed record AppendedModelColumn(string Name, ColumnModel? Template, bool Given);
