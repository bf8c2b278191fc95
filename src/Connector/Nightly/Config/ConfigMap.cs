namespace Sdv.Connector.Nightly.Config;

/// <summary>A map of keys to nodes, in the file's order.</summary>
internal sealed record ConfigMap(int Line, IReadOnlyList<KeyValuePair<string, ConfigNode>> Entries) : ConfigNode(Line)
{
    public override string Kind => "a map";

    public ConfigNode? this[string key] => Entries.LastOrDefault(e => e.Key == key).Value;

    /// <summary>A copy with <paramref name="key"/> set (replaced where present, appended otherwise).</summary>
    public ConfigMap With(string key, ConfigNode value)
    {
        var entries = Entries.Where(e => e.Key != key).ToList();
        entries.Add(new KeyValuePair<string, ConfigNode>(key, value));
        return this with { Entries = entries };
    }
}
