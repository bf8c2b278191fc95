namespace Sdv.Connector.Synthesis.Evaluation;

/// <summary>
/// A foreign key: <see cref="ChildColumns"/> of <see cref="ChildTable"/> reference
/// <see cref="ParentColumns"/> of <see cref="ParentTable"/>, as two parallel ordered lists
/// (composite keys have several columns).
/// </summary>
internal sealed record EvaluationRelationship(
    string ParentTable,
    IReadOnlyList<string> ParentColumns,
    string ChildTable,
    IReadOnlyList<string> ChildColumns)
{
    /// <summary>For messages and report rows: <c>orders(user_id) -> users(user_id)</c>.</summary>
    public override string ToString() =>
        $"{ChildTable}({string.Join(", ", ChildColumns)}) -> {ParentTable}({string.Join(", ", ParentColumns)})";
}
