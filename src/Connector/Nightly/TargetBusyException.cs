namespace Sdv.Connector.Nightly;

/// <summary>Another run holds the target's run lock; this run did nothing.</summary>
internal sealed class TargetBusyException : Exception
{
    public TargetBusyException() { }

    public TargetBusyException(string message) : base(message) { }

    public TargetBusyException(string message, Exception inner) : base(message, inner) { }
}
