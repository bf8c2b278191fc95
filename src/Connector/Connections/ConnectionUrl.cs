using System.Globalization;

namespace Sdv.Connector.Connections;

/// <summary>
/// The decoded parts of a server URL, <c>scheme://user:password@host:port/database?key=value&amp;...</c>.
/// Every part is percent-decoded, so a password may hold <c>@ : / ? #</c> written as <c>%40 %3A %2F %3F %23</c>.
/// </summary>
internal sealed record ConnectionUrl(
    string Scheme,
    string? User,
    string? Password,
    string Host,
    int? Port,
    string? Database,
    IReadOnlyList<KeyValuePair<string, string>> Options)
{
    private const string EncodeHint = "percent-encode it (@ as %40, : as %3A, / as %2F, ? as %3F, # as %23, % as %25)";

    /// <summary>Never shows the password.</summary>
    public override string ToString() =>
        $"{Scheme}://{User}{(Password is null ? string.Empty : ":" + InputRedactor.Mask)}{(User is null && Password is null ? string.Empty : "@")}{HostNames.ForUrl(Host)}{(Port is null ? string.Empty : ":" + Port.Value.ToString(CultureInfo.InvariantCulture))}/{Database}";

    /// <summary>Splits and decodes <paramref name="text"/>, whose scheme (as typed) is <paramref name="scheme"/>.</summary>
    /// <exception cref="EndpointException">A part is malformed; the message names it and never holds the password.</exception>
    public static ConnectionUrl Parse(string text, string scheme, ParseContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        var rest = text[(scheme.Length + 3)..];

        var authorityEnd = rest.IndexOfAny(['/', '?', '#']);
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        var after = authorityEnd < 0 ? string.Empty : rest[authorityEnd..];

        if (LooksLikeUnencodedUserInfo(after))
        {
            throw context.Error($"the user or password in '{context.Echo(text)}' seems to hold a '/', '?' or '#'; {EncodeHint}");
        }

        string? user = null;
        string? password = null;
        var hostPort = authority;
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            hostPort = authority[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            var rawUser = colon < 0 ? userInfo : userInfo[..colon];
            var rawPassword = colon < 0 ? null : userInfo[(colon + 1)..];
            context.AddSecret(rawPassword);
            if (rawPassword is not null)
            {
                if (!PercentEncoding.TryDecode(rawPassword, out var decodedPassword))
                {
                    throw context.Error($"the password in '{context.Echo(text)}' {PercentEncoding.Fault(rawPassword)}; {EncodeHint}");
                }

                context.AddSecret(decodedPassword);
                password = decodedPassword.Length == 0 ? null : decodedPassword;
            }

            if (!PercentEncoding.TryDecode(rawUser, out var decodedUser))
            {
                throw context.Error($"the user name '{rawUser}' {PercentEncoding.Fault(rawUser)}; {EncodeHint}");
            }

            user = decodedUser.Length == 0 ? null : decodedUser;
        }

        if (after.Contains('#', StringComparison.Ordinal))
        {
            throw context.Error($"'{context.Echo(text)}' holds a '#'; a URL here has no fragment, so {EncodeHint}");
        }

        var (host, port) = ParseHostPort(hostPort, text, context);

        var queryStart = after.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? after : after[..queryStart];
        var query = queryStart < 0 ? string.Empty : after[(queryStart + 1)..];

        string? database = null;
        if (path.Length > 1)
        {
            var rawDatabase = path[1..];
            if (rawDatabase.Contains('/', StringComparison.Ordinal))
            {
                throw context.Error($"the database part '{rawDatabase}' holds a '/'; name one database (…/DATABASE), or write a '/' in its name as %2F");
            }

            if (!PercentEncoding.TryDecode(rawDatabase, out var decodedDatabase))
            {
                throw context.Error($"the database name '{rawDatabase}' {PercentEncoding.Fault(rawDatabase)}; write % as %25");
            }

            database = decodedDatabase.Length == 0 ? null : decodedDatabase;
        }

        return new ConnectionUrl(scheme, user, password, host, port, database, ParseQuery(query, context));
    }

    private static bool LooksLikeUnencodedUserInfo(string after)
    {
        // The authority ended at a '/', '?' or '#' and an '@' follows before the path proper: that '/', '?' or '#'
        // was inside the password. An '@' inside a query option's value (…/db?x=a@b) is fine.
        var at = after.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        var beforeAt = after[..at];
        return after[0] == '/'
            ? !beforeAt.Contains('?', StringComparison.Ordinal)
            : !beforeAt.Contains('/', StringComparison.Ordinal) && after.IndexOf('/', at) > at;
    }

    private static (string Host, int? Port) ParseHostPort(string hostPort, string text, ParseContext context)
    {
        string host;
        string? rawPort = null;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw context.Error($"the IPv6 host in '{context.Echo(text)}' has no closing ']'");
            }

            host = hostPort[1..close];
            var tail = hostPort[(close + 1)..];
            if (tail.Length > 0)
            {
                if (tail[0] != ':')
                {
                    throw context.Error($"'{tail}' after the IPv6 host [{host}] is not ':PORT'");
                }

                rawPort = tail[1..];
            }
        }
        else
        {
            var colons = hostPort.Count(c => c == ':');
            if (colons > 1)
            {
                throw context.Error($"host '{hostPort}' has several ':'; write an IPv6 address in brackets, e.g. [::1]:5432");
            }

            var colon = hostPort.IndexOf(':', StringComparison.Ordinal);
            host = colon < 0 ? hostPort : hostPort[..colon];
            rawPort = colon < 0 ? null : hostPort[(colon + 1)..];
        }

        if (!PercentEncoding.TryDecode(host, out var decodedHost))
        {
            throw context.Error($"host '{host}' {PercentEncoding.Fault(host)}");
        }

        host = decodedHost;
        if (host.Length == 0)
        {
            throw context.Error($"the URL names no host in '{context.Echo(text)}'; write {EndpointSchemeHint(text)}://user@HOST:PORT/database");
        }

        if (host.Contains(',', StringComparison.Ordinal))
        {
            throw context.Error($"host '{host}' lists several hosts; a URL takes one, so give an ADO.NET connection string with {context.EngineOption} for several");
        }

        int? port = null;
        if (rawPort is not null)
        {
            if (rawPort.Length == 0)
            {
                throw context.Error($"the port after '{host}:' is empty; write a number or drop the ':'");
            }

            if (!rawPort.All(char.IsAsciiDigit))
            {
                throw context.Error($"port '{rawPort}' is not a number");
            }

            if (!int.TryParse(rawPort, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 65535)
            {
                throw context.Error($"port '{rawPort}' is out of range; a port is 1 to 65535");
            }

            port = value;
        }

        return (host, port);
    }

    private static string EndpointSchemeHint(string text) => text[..text.IndexOf("://", StringComparison.Ordinal)];

    private static List<KeyValuePair<string, string>> ParseQuery(string query, ParseContext context)
    {
        var options = new List<KeyValuePair<string, string>>();
        if (query.Length == 0)
        {
            return options;
        }

        foreach (var pair in query.Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw context.Error(equals == 0
                    ? $"a query option has no name before '='; write ?name=value"
                    : $"query option '{pair}' has no value; write ?{pair}=value");
            }

            var rawKey = pair[..equals];
            var rawValue = pair[(equals + 1)..];
            if (!PercentEncoding.TryDecode(rawKey, out var key))
            {
                throw context.Error($"query option name '{rawKey}' {PercentEncoding.Fault(rawKey)}");
            }

            if (IsPasswordKey(key))
            {
                context.AddSecret(rawValue);
            }

            if (!PercentEncoding.TryDecode(rawValue, out var value))
            {
                throw context.Error($"the value of query option '{key}' {PercentEncoding.Fault(rawValue)}; write % as %25");
            }

            if (IsPasswordKey(key))
            {
                context.AddSecret(value);
            }

            if (options.Exists(o => o.Key.Equals(key, StringComparison.OrdinalIgnoreCase)))
            {
                throw context.Error($"query option '{key}' is given twice");
            }

            options.Add(new KeyValuePair<string, string>(key, value));
        }

        return options;
    }

    /// <summary>Query options whose value is a secret and must never be echoed.</summary>
    public static bool IsPasswordKey(string key) =>
        key.Trim().ToLowerInvariant() is "password" or "pwd" or "passwd" or "pass";
}
