namespace Sdv.Connector.Nightly.Config;

/// <summary>
/// One node of a configuration file, whatever its syntax (YAML or JSON): a map, a list or a scalar
/// kept as text, with the line it came from so a problem can say where it is.
/// </summary>
internal abstract record ConfigNode(int Line)
{
    /// <summary>What the node is, in the words of a message: "a map", "a list", "a value".</summary>
    public abstract string Kind { get; }

    public string Where => Line > 0 ? $" (line {Line.ToString(System.Globalization.CultureInfo.InvariantCulture)})" : string.Empty;
}
