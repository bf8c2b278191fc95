using Sdv.Connector.Failures;

namespace Sdv.Connector.Cli;

/// <summary>Exit codes, documented in the README for schedulers.</summary>
internal static class ExitCodes
{
    /// <summary>The run did what was asked.</summary>
    public const int Success = 0;

    /// <summary>An unexpected failure (a bug or an unforeseen server error); the message says what happened.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: an option, a connection string, a metadata or model file; nothing was written.</summary>
    public const int BadInput = 2;

    /// <summary>A database could not be reached or refused the login.</summary>
    public const int ConnectionFailed = 3;

    /// <summary>The run finished but a quality or privacy gate (--fail-under) failed.</summary>
    public const int GateFailed = 4;

    /// <summary>Refused for safety: the target is the source, or holds tables and --replace was not given.</summary>
    public const int Refused = 5;

    /// <summary>A nightly run's new clone failed its checks before the swap; the previous clone was kept.</summary>
    public const int CheckFailed = 6;

    /// <summary>A nightly run found another run of the same target holding its lock; it did nothing (not even clean the staging, which is the other run's).</summary>
    public const int Busy = 7;

    /// <summary>
    /// Cancelled (Ctrl+C or SIGTERM). The target is left as the run found it: a clone or sample drops the
    /// tables it had created (with --replace, the tables it replaced are already gone); a nightly run never
    /// touched the live clone, and its staging is removed by the next run.
    /// </summary>
    public const int Cancelled = 130;

    /// <summary>
    /// The exit code of a kind of failure, the same in every command. A refused privilege is the account's, like a
    /// refused login (3); a full disk is neither the user's input nor the database's reachability (1, said so).
    /// </summary>
    public static int Of(FailureKind kind) => kind switch
    {
        FailureKind.BadInput => BadInput,
        FailureKind.ConnectionFailed or FailureKind.AccessDenied => ConnectionFailed,
        FailureKind.GateFailed => GateFailed,
        FailureKind.Refused => Refused,
        FailureKind.CheckFailed => CheckFailed,
        FailureKind.Busy => Busy,
        FailureKind.Unexpected or FailureKind.DiskFull => Failure,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of failure."),
    };
}
