namespace Sdv.Connector.Connections;

/// <summary>Where a password given outside the connection text comes from.</summary>
internal enum PasswordSourceKind
{
    /// <summary><c>--source-password-env NAME</c>: the value of an environment variable.</summary>
    EnvironmentVariable,

    /// <summary><c>--source-password-file PATH</c>: the content of a file, less its trailing newline.</summary>
    File,
}
