namespace Sdv.Connector.Nightly;

/// <summary>The staged clone failed a check before the swap; the previous clone was kept.</summary>
internal sealed class StagingCheckException : Exception
{
    public StagingCheckException() { }

    public StagingCheckException(string message) : base(message) { }

    public StagingCheckException(string message, Exception inner) : base(message, inner) { }
}
