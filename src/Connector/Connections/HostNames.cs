using System.Net;

namespace Sdv.Connector.Connections;

/// <summary>Normalises a host for identity: case, a trailing dot, IPv6 brackets, and every spelling of "this machine".</summary>
internal static class HostNames
{
    public const string Local = "localhost";

    public static string Normalise(string? host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return Local;
        }

        var h = host.Trim().ToLowerInvariant();

        // SQL Server's "." and "(local)" mean this machine; checked before a trailing dot is dropped.
        if (h is "." or "(local)")
        {
            return Local;
        }

        h = h.TrimEnd('.');
        if (h.StartsWith('[') && h.EndsWith(']'))
        {
            h = h[1..^1];
        }

        // A Unix socket path (PostgreSQL's socket directory, MySQL's socket file) is a server on this machine.
        if (h.StartsWith('/') || h.StartsWith('@'))
        {
            return Local;
        }

        if (h is "localhost" or "localhost.localdomain" || h.Equals(Environment.MachineName, StringComparison.OrdinalIgnoreCase))
        {
            return Local;
        }

        if (IPAddress.TryParse(h, out var address))
        {
            if (address.IsIPv4MappedToIPv6)
            {
                address = address.MapToIPv4();
            }

            return IPAddress.IsLoopback(address) ? Local : address.ToString();
        }

        return h;
    }

    /// <summary>A host as written in a URL: IPv6 literals in brackets.</summary>
    public static string ForUrl(string host) =>
        host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;
}
