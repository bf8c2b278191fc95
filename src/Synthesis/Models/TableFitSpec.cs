namespace Sdv.Connector.Synthesis.Models;

/// <summary>What a table's model is fitted with besides its own columns (see <see cref="TableSynthesizer"/>).</summary>
internal sealed record TableFitSpec
{
    /// <summary>Columns appended to each row after the table's own, in order.</summary>
    public IReadOnlyList<AppendedModelColumn> Appended { get; init; } = [];

    /// <summary>Foreign-key columns modelled as categories (codes of reference tables), every value kept.</summary>
    public IReadOnlySet<string> CodeColumns { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// The model whose columns encode the appended columns that name a <see cref="AppendedModelColumn.TemplateColumn"/>
    /// (a child's parent), awaited only once the rows are read: a child's rows are read while its parent's model is
    /// still being fitted. Null when no appended column names one.
    /// </summary>
    public Task<TableModel>? TemplateModel { get; init; }
}
