namespace Sdv.Connector.Cli;

/// <summary>A problem with what the user gave: its message says what and what to do, and is shown without a stack trace.</summary>
internal sealed class UserInputException : Exception
{
    public UserInputException(string message, int exitCode = ExitCodes.BadInput) : base(message) => ExitCode = exitCode;

    public UserInputException(string message, Exception inner, int exitCode = ExitCodes.BadInput) : base(message, inner) => ExitCode = exitCode;

    public UserInputException() { }

    public UserInputException(string message) : this(message, ExitCodes.BadInput) { }

    public UserInputException(string message, Exception inner) : this(message, inner, ExitCodes.BadInput) { }

    public int ExitCode { get; } = ExitCodes.BadInput;
}
