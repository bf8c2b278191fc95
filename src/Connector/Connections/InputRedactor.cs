using System.Text.RegularExpressions;

namespace Sdv.Connector.Connections;

/// <summary>
/// Makes user input safe to echo in a message: the password of a URL's user-info and any password-like
/// query option become <c>***</c>. It errs towards hiding too much: a malformed URL whose password holds an
/// unencoded '@' or '/' is hidden up to the last '@'.
/// </summary>
internal static partial class InputRedactor
{
    public const string Mask = "***";

    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = text;
        // Text without a scheme ("bob:pw@host/db") is read as if it began at the user-info.
        var schemeEnd = result.IndexOf("://", StringComparison.Ordinal);
        var start = schemeEnd < 0 ? 0 : schemeEnd + 3;
        var lastAt = result.LastIndexOf('@');
        if (lastAt > start)
        {
            var colon = result.IndexOf(':', start, lastAt - start);
            if (colon >= 0)
            {
                result = string.Concat(result.AsSpan(0, colon + 1), Mask, result.AsSpan(lastAt));
            }
        }

        return PasswordOption().Replace(result, "$1" + Mask);
    }

    /// <summary>The values of Password=/Pwd= in an ADO.NET connection string, quotes removed, so they can be scrubbed.</summary>
    public static IEnumerable<string> ConnectionStringPasswords(string connectionString)
    {
        foreach (Match match in ConnectionStringPassword().Matches(connectionString))
        {
            var value = match.Groups[1].Value.Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
            {
                var quote = value[0].ToString();
                value = value[1..^1].Replace(quote + quote, quote, StringComparison.Ordinal);
            }

            yield return value;
        }
    }

    [GeneratedRegex(@"(?:^|;)\s*(?:password|pwd)\s*=\s*(""(?:[^""]|"""")*""|'(?:[^']|'')*'|[^;]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionStringPassword();

    [GeneratedRegex(@"((?:^|[?&;])\s*(?:password|passwd|pwd|pass)\s*=)[^&;]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordOption();
}
