namespace Sdv.Connector.Failures;

/// <summary>
/// What kind of failure stopped a command, as the user and a scheduler need to tell them apart. The command line
/// turns a kind into an exit code and its words (Cli's FailureMessages and ExitCodes); nothing below it knows exit codes.
/// </summary>
internal enum FailureKind
{
    /// <summary>A bug or an unforeseen error of a database or the system; the message says what was reported.</summary>
    Unexpected,

    /// <summary>Something the user gave is wrong (an option, a connection string, a metadata, model or configuration file); nothing was written.</summary>
    BadInput,

    /// <summary>A database could not be reached, refused the login, or dropped the connection.</summary>
    ConnectionFailed,

    /// <summary>A database refused a privilege the run needs (SELECT on a table, CREATE on the target).</summary>
    AccessDenied,

    /// <summary>The target's disk (or tablespace, or file system) is full: neither transient nor a bug.</summary>
    DiskFull,

    /// <summary>Refused for safety: the target is the source, or holds data and replacing it was not asked for.</summary>
    Refused,

    /// <summary>A quality or privacy gate was not met.</summary>
    GateFailed,

    /// <summary>A nightly run's new clone failed its checks before the swap; the previous clone was kept.</summary>
    CheckFailed,

    /// <summary>Another nightly run of the same target holds its lock; nothing was done.</summary>
    Busy,
}
