namespace Sdv.Connector.Synthesis.Constraints;

/// <summary>A CHECK expression outside the understood subset.</summary>
internal sealed class CheckParseException : Exception
{
    public CheckParseException(string message)
        : base(message)
    {
    }

    public CheckParseException()
    {
    }

    public CheckParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
