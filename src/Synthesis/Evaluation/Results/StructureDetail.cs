namespace Sdv.Connector.Synthesis.Evaluation.Results;

/// <summary>TableStructure of one table, with the pandas dtype each side's columns were given.</summary>
internal sealed record StructureDetail(
    string Table,
    double? Score,
    IReadOnlyDictionary<string, string> RealDtypes,
    IReadOnlyDictionary<string, string> SyntheticDtypes);
