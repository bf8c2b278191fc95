using Sdv.Connector.Failures;

namespace Sdv.Connector.Cli;

/// <summary>What a failure is, as <see cref="FailureMessages.Classify"/> judged it, and the lines a user reads.</summary>
internal readonly record struct ClassifiedFailure(FailureKind Kind, string Message)
{
    /// <summary>The exit code a scheduler sees (README, "Exit codes").</summary>
    public int ExitCode => ExitCodes.Of(Kind);
}
