namespace Sdv.Connector.Synthesis.Models;

/// <summary>
/// An appended column as a table's model sees it: its name, the column of the template model (the
/// parent's, <see cref="TableFitSpec.TemplateModel"/>) whose statistics encode it (given columns), and
/// whether it is given when sampling or drawn with the row.
/// </summary>
internal sealed record AppendedModelColumn(string Name, string? TemplateColumn, bool Given);
