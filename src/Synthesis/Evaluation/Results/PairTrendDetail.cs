namespace Sdv.Connector.Synthesis.Evaluation.Results;

/// <summary>
/// One Column Pair Trends or Intertable Trends row. Within a table, <see cref="ParentTable"/> and
/// <see cref="ForeignKey"/> are null; across a relationship, <see cref="Table"/> is the child,
/// <see cref="Column1"/> the parent column and <see cref="Column2"/> the child column. Only rows with
/// <see cref="MeetsThreshold"/> true (|r_real| &gt; 0.5 or Cramér's V &gt; 0.3) count towards the property.
/// </summary>
internal sealed record PairTrendDetail(
    string Table,
    string? ParentTable,
    IReadOnlyList<string>? ForeignKey,
    string Column1,
    string Column2,
    string Metric,
    double? Score,
    double? RealCorrelation,
    double? SyntheticCorrelation,
    double? RealAssociation,
    bool? MeetsThreshold,
    string? Error);
