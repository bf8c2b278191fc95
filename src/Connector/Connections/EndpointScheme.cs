using Sdv.Connector.Engines;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Connections;

/// <summary>
/// A URL scheme or <c>--source-engine</c> name and what it stands for. Each engine's adapter declares its own
/// (<see cref="EngineAdapters.Schemes"/>); MariaDB is the MySQL engine (one adapter serves both), and its scheme is kept
/// so that messages show what the user wrote.
/// </summary>
/// <param name="Name">The canonical scheme: postgresql, mysql, mariadb, sqlserver, sqlite or csv.</param>
/// <param name="Kind">Database or CSV folder.</param>
/// <param name="Engine">The engine; null for csv.</param>
/// <param name="Aliases">Other spellings a URL may use (postgres://, mssql://, sqlite3://).</param>
internal sealed record EndpointScheme(string Name, EndpointKind Kind, DatabaseEngine? Engine, IReadOnlyList<string>? Aliases = null)
{
    public static readonly EndpointScheme Csv = new("csv", EndpointKind.CsvFolder, null);

    /// <summary>
    /// Computed on each use rather than kept: the engines' adapters create their schemes while the registry is
    /// initialised, so a kept list here would depend on which of the two types the runtime initialised first.
    /// </summary>
    private static IEnumerable<EndpointScheme> All => [.. EngineAdapters.Schemes, Csv];

    /// <summary>A database held in a file the connector opens (SQLite), not on a server it connects to.</summary>
    public bool OpensFile => Engine is { } engine && EngineAdapters.For(engine).ServerConnections is null;

    /// <summary>What a message suggests when a scheme is unknown.</summary>
    public static string UrlChoices =>
        $"use {string.Join(", ", EngineAdapters.Schemes.Select(s => s.Name + (s.OpensFile ? ":///" : "://")))}, csv:/// or a .db/.sqlite file path";

    /// <summary>What a message suggests when an engine name is unknown.</summary>
    public static string EngineChoices
    {
        get
        {
            var names = EngineAdapters.Schemes.Select(s => s.Name).ToList();
            return $"{string.Join(", ", names.SkipLast(1))} or {names[^1]}";
        }
    }

    /// <summary>Every scheme a URL may start with, aliases included.</summary>
    public static IReadOnlyList<string> KnownSchemes => [.. All.SelectMany(s => (IEnumerable<string>)[s.Name, .. s.Aliases ?? []])];

    public static EndpointScheme? FromScheme(string scheme)
    {
        var lower = scheme.ToLowerInvariant();
        return All.FirstOrDefault(s => s.Name == lower || (s.Aliases?.Contains(lower) ?? false));
    }

    /// <summary>The value of <c>--source-engine</c>; CSV is not an engine and needs no option.</summary>
    public static EndpointScheme? FromEngineOption(string option)
    {
        var scheme = FromScheme(option.Trim());
        return scheme?.Kind == EndpointKind.Database ? scheme : null;
    }

    /// <summary>The known scheme nearest to a misspelt one (at most two edits away), or null.</summary>
    public static string? Closest(string typed)
    {
        var lower = typed.ToLowerInvariant();
        string? best = null;
        var bestDistance = 3;
        foreach (var known in KnownSchemes)
        {
            var distance = EditDistance(lower, known);
            if (distance < bestDistance)
            {
                best = FromScheme(known)!.Name;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
