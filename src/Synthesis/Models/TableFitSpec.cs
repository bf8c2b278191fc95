namespace Sdv.Connector.Synthesis.Models;

/// <summary>What a table's model is fitted with besides its own columns (see <see cref="TableSynthesizer"/>).</summary>
internal sealed record TableFitSpec
{
    /// <summary>Columns appended to each row after the table's own, in order.</summary>
    public IReadOnlyList<AppendedModelColumn> Appended { get; init; } = [];

    /// <summary>Foreign-key columns modelled as categories (codes of reference tables), every value kept.</summary>
    public IReadOnlySet<string> CodeColumns { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
