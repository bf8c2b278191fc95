namespace Sdv.Connector.Synthesis.Evaluation.Privacy;

/// <summary>A tuple of columns whose exact matches are counted: its kind (<c>learned</c> or <c>quasi-identifiers</c>) and its columns, in table order.</summary>
internal sealed record TupleSpec(string Kind, IReadOnlyList<string> Columns)
{
    public const string Learned = "learned";
    public const string QuasiIdentifiers = "quasi-identifiers";
}
