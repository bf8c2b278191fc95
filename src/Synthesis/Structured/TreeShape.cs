namespace Sdv.Connector.Synthesis.Structured;

/// <summary>
/// Constraints on one generated tree. A PostgreSQL array is rectangular: every sub-array at one
/// depth has the same length and kind, so the first choice at a depth is kept for the whole value.
/// JSON is free: every node chooses for itself.
/// </summary>
internal sealed class TreeShape
{
    private readonly Dictionary<int, int>? _kinds;
    private readonly Dictionary<int, int>? _lengths;

    public TreeShape(bool rectangular, int? maxLength, bool elementsNullable)
    {
        if (rectangular) (_kinds, _lengths) = ([], []);
        MaxLength = maxLength;
        ElementsNullable = elementsNullable;
    }

    /// <summary>Longest text of a scalar (an array of varchar(n)).</summary>
    public int? MaxLength { get; }

    public bool ElementsNullable { get; }

    /// <summary>The shape under an object key: object members are independent even inside an array.</summary>
    public TreeShape ForChild() => _kinds is null ? this : new TreeShape(false, MaxLength, ElementsNullable);

    public int KindAt(int depth, Func<int> choose) => Memo(_kinds, depth, choose);

    public int LengthAt(int depth, Func<int> choose) => Memo(_lengths, depth, choose);

    private static int Memo(Dictionary<int, int>? memo, int depth, Func<int> choose)
    {
        if (memo is null) return choose();
        if (!memo.TryGetValue(depth, out var value)) memo[depth] = value = choose();
        return value;
    }
}
