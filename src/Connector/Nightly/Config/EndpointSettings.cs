namespace Sdv.Connector.Nightly.Config;

/// <summary>The <c>source:</c> or <c>target:</c> section as written; the password is never in it, only where to find it.</summary>
internal sealed record EndpointSettings
{
    public string? Url { get; init; }

    public string? Engine { get; init; }

    public string? PasswordEnv { get; init; }

    public string? PasswordFile { get; init; }
}
