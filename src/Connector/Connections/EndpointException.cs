namespace Sdv.Connector.Connections;

/// <summary>
/// A <c>--source</c>/<c>--target</c> value that cannot be used. The message says which part is wrong
/// and what to do, is meant to be shown to the user as it is (no stack trace), and never holds a password.
/// </summary>
internal sealed class EndpointException : Exception
{
    public EndpointException()
    {
    }

    public EndpointException(string message)
        : base(message)
    {
    }

    public EndpointException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
