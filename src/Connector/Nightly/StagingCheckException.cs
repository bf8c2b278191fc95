using Sdv.Connector.Failures;

namespace Sdv.Connector.Nightly;

/// <summary>The staged clone failed a check before the swap (<see cref="FailureKind.CheckFailed"/>); the previous clone was kept.</summary>
internal sealed class StagingCheckException : FailureException
{
    public StagingCheckException() : base(FailureKind.CheckFailed, "The new clone failed its checks before the swap.") { }

    public StagingCheckException(string message) : base(FailureKind.CheckFailed, message) { }

    public StagingCheckException(string message, Exception inner) : base(FailureKind.CheckFailed, message, inner) { }
}
