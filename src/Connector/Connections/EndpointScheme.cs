using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Connections;

/// <summary>
/// A URL scheme or <c>--source-engine</c> name and what it stands for. MariaDB is the MySQL engine
/// (one adapter serves both); its scheme is kept so that messages show what the user wrote.
/// </summary>
/// <param name="Name">The canonical scheme: postgresql, mysql, mariadb, sqlserver, sqlite or csv.</param>
/// <param name="Kind">Database or CSV folder.</param>
/// <param name="Engine">The engine; null for csv.</param>
internal sealed record EndpointScheme(string Name, EndpointKind Kind, DatabaseEngine? Engine)
{
    public static readonly EndpointScheme PostgreSql = new("postgresql", EndpointKind.Database, DatabaseEngine.PostgreSql);
    public static readonly EndpointScheme MySql = new("mysql", EndpointKind.Database, DatabaseEngine.MySql);
    public static readonly EndpointScheme MariaDb = new("mariadb", EndpointKind.Database, DatabaseEngine.MySql);
    public static readonly EndpointScheme SqlServer = new("sqlserver", EndpointKind.Database, DatabaseEngine.SqlServer);
    public static readonly EndpointScheme Sqlite = new("sqlite", EndpointKind.Database, DatabaseEngine.Sqlite);
    public static readonly EndpointScheme Csv = new("csv", EndpointKind.CsvFolder, null);

    /// <summary>What a message suggests when a scheme is unknown.</summary>
    public const string UrlChoices = "use postgresql://, mysql://, mariadb://, sqlserver://, sqlite:///, csv:/// or a .db/.sqlite file path";

    /// <summary>What a message suggests when an engine name is unknown.</summary>
    public const string EngineChoices = "postgresql, mysql, mariadb, sqlserver or sqlite";

    /// <summary>Every scheme a URL may start with, aliases included.</summary>
    public static IReadOnlyList<string> KnownSchemes { get; } =
        ["postgresql", "postgres", "mysql", "mariadb", "sqlserver", "mssql", "sqlite", "sqlite3", "csv"];

    public static EndpointScheme? FromScheme(string scheme) => scheme.ToLowerInvariant() switch
    {
        "postgresql" or "postgres" => PostgreSql,
        "mysql" => MySql,
        "mariadb" => MariaDb,
        "sqlserver" or "mssql" => SqlServer,
        "sqlite" or "sqlite3" => Sqlite,
        "csv" => Csv,
        _ => null,
    };

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
