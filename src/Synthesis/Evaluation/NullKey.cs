namespace Sdv.Connector.Synthesis.Evaluation;

/// <summary>
/// Stands for a null cell where a dictionary key or set member is needed: SDMetrics counts null
/// as a category of its own (groupby with dropna=False), and a .NET dictionary takes no null key.
/// </summary>
internal sealed class NullKey
{
    public static NullKey Instance { get; } = new();

    private NullKey()
    {
    }

    public override string ToString() => "null";
}
