namespace Sdv.Connector.Nightly.Config;

/// <summary>A single value as written (numbers and booleans too); null for YAML's ~/null or JSON's null.</summary>
internal sealed record ConfigScalar(int Line, string? Value) : ConfigNode(Line)
{
    public override string Kind => "a value";
}
