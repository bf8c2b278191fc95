namespace Sdv.Connector.SchemaIntrospection.Metadata;

/// <summary>A metadata file that cannot be read or that contradicts the live schema; the message lists every problem.</summary>
public sealed class MetadataException : Exception
{
    public MetadataException(string message) : base(message) { }

    public MetadataException(string message, Exception inner) : base(message, inner) { }

    public MetadataException() { }
}
