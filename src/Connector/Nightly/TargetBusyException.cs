using Sdv.Connector.Failures;

namespace Sdv.Connector.Nightly;

/// <summary>Another run holds the target's run lock (<see cref="FailureKind.Busy"/>); this run did nothing.</summary>
internal sealed class TargetBusyException : FailureException
{
    public TargetBusyException() : base(FailureKind.Busy, "Another run holds the target's lock.") { }

    public TargetBusyException(string message) : base(FailureKind.Busy, message) { }

    public TargetBusyException(string message, Exception inner) : base(FailureKind.Busy, message, inner) { }
}
