namespace Sdv.Connector.Connections;

/// <summary>
/// A password given beside the connection text rather than inside it, so that it stays out of the
/// shell history and the process list: <c>--source-password-env NAME</c> or <c>--source-password-file PATH</c>
/// (and the <c>--target-</c> pair).
/// </summary>
/// <param name="Kind">Environment variable or file.</param>
/// <param name="Name">The variable's name or the file's path (never the password itself).</param>
internal sealed record PasswordSource(PasswordSourceKind Kind, string Name)
{
    public static PasswordSource FromEnvironment(string variable) => new(PasswordSourceKind.EnvironmentVariable, variable);

    public static PasswordSource FromFile(string path) => new(PasswordSourceKind.File, path);

    /// <summary>The option that gave it, for messages: <c>--source-password-env</c> or <c>--source-password-file</c>.</summary>
    public string OptionName(string role) =>
        Kind == PasswordSourceKind.EnvironmentVariable ? $"--{role}-password-env" : $"--{role}-password-file";

    /// <summary>
    /// Reads the password. A file's content loses its trailing newline (editors and <c>echo</c> add one);
    /// nothing else is trimmed, since spaces may be part of a password.
    /// </summary>
    /// <exception cref="EndpointException">The variable is unset or empty, or the file is missing, unreadable or empty.</exception>
    public string Resolve(string role, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (Kind == PasswordSourceKind.EnvironmentVariable)
        {
            var value = environment(Name);
            if (value is null)
            {
                throw new EndpointException($"{OptionName(role)} {Name} is not set; export it or give the password another way");
            }

            if (value.Length == 0)
            {
                throw new EndpointException($"{OptionName(role)} {Name} is empty");
            }

            return value;
        }

        if (Directory.Exists(Name))
        {
            throw new EndpointException($"--{role}: password file {Name} is a folder, not a file");
        }

        if (!File.Exists(Name))
        {
            throw new EndpointException($"--{role}: password file {Name} does not exist");
        }

        string content;
        try
        {
            content = File.ReadAllText(Name);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // These exceptions name the path and the reason, never the content.
            throw new EndpointException($"--{role}: password file {Name} cannot be read: {ex.Message}", ex);
        }

        if (content.EndsWith("\r\n", StringComparison.Ordinal))
        {
            content = content[..^2];
        }
        else if (content.EndsWith('\n'))
        {
            content = content[..^1];
        }

        if (content.Length == 0)
        {
            throw new EndpointException($"--{role}: password file {Name} is empty");
        }

        return content;
    }
}
