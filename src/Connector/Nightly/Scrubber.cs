namespace Sdv.Connector.Nightly;

/// <summary>
/// Replaces known secrets (of 5 characters or more: shorter ones would mask ordinary words) by ***
/// in text bound for the log, the summary and stderr. Drivers do not
/// put passwords in their messages, and endpoints are redacted; this catches what slips through.
/// </summary>
internal sealed class Scrubber(IReadOnlyList<string> secrets)
{
    private readonly IReadOnlyList<string> _secrets = secrets.Where(s => s.Length >= 5).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToList();

    public string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _secrets) text = text.Replace(secret, Connections.InputRedactor.Mask, StringComparison.Ordinal);
        return text;
    }
}
