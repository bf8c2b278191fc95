namespace Sdv.Connector.Connections;

/// <summary>
/// State of one parse: the role for messages, the environment, the password given beside the text, and every
/// password seen so far, which <see cref="Error"/> scrubs from messages as a last line of defence.
/// </summary>
internal sealed class ParseContext
{
    private readonly List<string> _secrets = [];

    public ParseContext(string role, PasswordSource? password, Func<string, string?> environment)
    {
        Role = role;
        Password = password;
        Environment = environment;
    }

    /// <summary>"source" or "target": option names are <c>--{Role}</c>, <c>--{Role}-engine</c>, <c>--{Role}-password-env</c>.</summary>
    public string Role { get; }

    public PasswordSource? Password { get; }

    public Func<string, string?> Environment { get; }

    public string Option => $"--{Role}";

    public string EngineOption => $"--{Role}-engine";

    public void AddSecret(string? secret)
    {
        // Very short secrets are not scrubbed: replacing every "a" would garble the message, and the
        // message never quotes a password in the first place (this is only a last line of defence).
        if (secret is { Length: >= 3 })
        {
            _secrets.Add(secret);
        }
    }

    /// <summary>An error about the <c>--{Role}</c> value: "--source: {detail}".</summary>
    public EndpointException Error(string detail, Exception? inner = null)
    {
        var message = Scrub($"{Option}: {detail}");
        return inner is null ? new EndpointException(message) : new EndpointException(message, inner);
    }

    /// <summary>An error whose message is complete already (e.g. from <see cref="PasswordSource.Resolve"/>).</summary>
    public EndpointException Scrubbed(EndpointException error) =>
        error.Message == Scrub(error.Message) ? error : new EndpointException(Scrub(error.Message));

    /// <summary>Input safe to quote in a message.</summary>
    public string Echo(string text) => Scrub(InputRedactor.Redact(text));

    public string Scrub(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, InputRedactor.Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
