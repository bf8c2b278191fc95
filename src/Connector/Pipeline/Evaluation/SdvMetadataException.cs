namespace Sdv.Connector.Pipeline.Evaluation;

/// <summary>An SDV metadata file that cannot be scored against the database: the message lists every problem and where it is.</summary>
internal sealed class SdvMetadataException : Exception
{
    public SdvMetadataException()
    {
    }

    public SdvMetadataException(string message)
        : base(message)
    {
    }

    public SdvMetadataException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
