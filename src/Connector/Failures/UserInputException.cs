namespace Sdv.Connector.Failures;

/// <summary>A problem with what the user gave (<see cref="FailureKind.BadInput"/>): its message says what and what to do.</summary>
internal sealed class UserInputException : FailureException
{
    public UserInputException() : base(FailureKind.BadInput, "Bad input.") { }

    public UserInputException(string message) : base(FailureKind.BadInput, message) { }

    public UserInputException(string message, Exception inner) : base(FailureKind.BadInput, message, inner) { }
}
