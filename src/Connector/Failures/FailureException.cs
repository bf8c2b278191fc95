namespace Sdv.Connector.Failures;

/// <summary>
/// A failure the connector understands: its <see cref="Kind"/> says what sort it is, and its message is what the user
/// reads (what failed, where, and what to do next), shown without a stack trace.
/// </summary>
internal class FailureException : Exception
{
    public FailureException(FailureKind kind, string message) : base(message) => Kind = kind;

    public FailureException(FailureKind kind, string message, Exception inner) : base(message, inner) => Kind = kind;

    public FailureException() { }

    public FailureException(string message) : base(message) { }

    public FailureException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The kind of failure; <see cref="FailureKind.Unexpected"/> when none was given.</summary>
    public FailureKind Kind { get; } = FailureKind.Unexpected;
}
