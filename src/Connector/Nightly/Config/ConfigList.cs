namespace Sdv.Connector.Nightly.Config;

/// <summary>A list of nodes.</summary>
internal sealed record ConfigList(int Line, IReadOnlyList<ConfigNode> Items) : ConfigNode(Line)
{
    public override string Kind => "a list";
}
