using System.Text.RegularExpressions;
using Sdv.Connector.Connections.Sqlite;
using Sdv.Connector.Engines;

namespace Sdv.Connector.Connections;

/// <summary>
/// Turns the value of <c>--source</c> or <c>--target</c> into a <see cref="DatabaseEndpoint"/>. Accepted forms:
/// <list type="bullet">
/// <item>a URL: <c>postgresql://user:pass@host:port/db?sslmode=require</c> (or <c>postgres://</c>), <c>mysql://</c>,
/// <c>mariadb://</c>, <c>sqlserver://</c> (or <c>mssql://</c>), <c>sqlite:///abs/file.db</c>, <c>sqlite://relative.db</c>,
/// <c>csv:///abs/folder</c>. Parts are percent-decoded; query options go to the driver's connection string builder.</item>
/// <item>a bare path: a file ending in .db, .sqlite or .sqlite3 is SQLite; an existing folder, or a path ending
/// in '/', is a CSV folder.</item>
/// <item>an ADO.NET connection string, with <c>--source-engine</c> (postgresql, mysql, mariadb, sqlserver or sqlite).</item>
/// </list>
/// The password may instead come from <c>--source-password-env NAME</c> or <c>--source-password-file PATH</c>
/// (<see cref="PasswordSource"/>); giving both that and a password in the text is an error. When neither gives
/// one, the variables the engines' own tools read are honoured: <c>PGPASSWORD</c> for PostgreSQL and
/// <c>MYSQL_PWD</c> for MySQL/MariaDB. A source (role "source") must exist when it is a file or a folder.
/// </summary>
internal static partial class EndpointParser
{
    /// <summary>Parses with the process environment. See the class remarks for the accepted forms.</summary>
    /// <param name="text">The option's value.</param>
    /// <param name="engineOption">The value of <c>--source-engine</c>/<c>--target-engine</c>, or null.</param>
    /// <param name="password">A password given beside the text, or null.</param>
    /// <param name="role">"source" or "target": names the options in messages.</param>
    /// <exception cref="EndpointException">The value cannot be used; the message says why, and never holds a password.</exception>
    public static DatabaseEndpoint Parse(string text, string? engineOption, PasswordSource? password, string role) =>
        Parse(text, engineOption, password, role, Environment.GetEnvironmentVariable);

    /// <summary>Parses with <paramref name="environment"/> in place of the process environment (for tests).</summary>
    public static DatabaseEndpoint Parse(
        string text, string? engineOption, PasswordSource? password, string role, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        ArgumentNullException.ThrowIfNull(environment);
        var context = new ParseContext(role, password, environment);
        try
        {
            return ParseCore(text.Trim(), string.IsNullOrWhiteSpace(engineOption) ? null : engineOption, context);
        }
        catch (EndpointException ex)
        {
            throw context.Scrubbed(ex);
        }
    }

    private static DatabaseEndpoint ParseCore(string text, string? engineOption, ParseContext context)
    {
        if (text.Length == 0)
        {
            throw new EndpointException($"{context.Option} is empty; give a URL such as postgresql://user@host:5432/db, a .db file path, or an ADO.NET connection string with {context.EngineOption}");
        }

        EndpointScheme? forced = null;
        if (engineOption is not null)
        {
            forced = EndpointScheme.FromEngineOption(engineOption)
                ?? throw new EndpointException($"{context.EngineOption} '{engineOption.Trim()}' is not an engine; use {EndpointScheme.EngineChoices}");
        }

        var match = SchemePrefix().Match(text);
        if (match.Success)
        {
            var typed = match.Groups[1].Value;
            var scheme = EndpointScheme.FromScheme(typed);
            var hasSlashes = text.AsSpan(typed.Length + 1).StartsWith("//", StringComparison.Ordinal);
            if (hasSlashes || scheme?.Kind == EndpointKind.CsvFolder || scheme?.OpensFile == true)
            {
                if (scheme is null)
                {
                    var closest = EndpointScheme.Closest(typed);
                    var hint = closest is null ? string.Empty : $"did you mean {closest}://? ";
                    throw context.Error($"unknown scheme '{typed}' in '{context.Echo(text)}'; {hint}{EndpointScheme.UrlChoices}");
                }

                if (forced is not null && forced.Engine != scheme.Engine)
                {
                    throw context.Error($"{context.EngineOption} {forced.Name} does not match the URL's scheme {typed}://; drop {context.EngineOption} or fix the URL");
                }

                return scheme.Kind == EndpointKind.CsvFolder ? CsvFolderEndpoints.FromUrl(text, typed, context)
                    : scheme.OpensFile ? SqliteEndpoints.FromUrl(text, typed, context)
                    : ServerEndpoints.FromUrl(text, scheme, typed, context);
            }
        }

        if (text.Contains('=', StringComparison.Ordinal))
        {
            return forced is null
                ? throw context.Error($"an ADO.NET connection string needs {context.EngineOption} ({string.Join("|", EngineAdapters.Schemes.Select(s => s.Name))})")
                : forced.OpensFile
                    ? SqliteEndpoints.FromConnectionString(text, context)
                    : ServerEndpoints.FromConnectionString(text, forced, context);
        }

        if (forced is not null && !forced.OpensFile)
        {
            throw context.Error($"{context.EngineOption} {forced.Name} needs a URL ({forced.Name}://...) or an ADO.NET connection string, and '{context.Echo(text)}' is neither");
        }

        var endsWithSeparator = text.EndsWith('/') || text.EndsWith(Path.DirectorySeparatorChar);
        if (Directory.Exists(text) || endsWithSeparator)
        {
            return forced is not null
                ? throw context.Error($"{Path.GetFullPath(text)} is a folder, not a SQLite file; drop {context.EngineOption} for a folder of CSV files")
                : CsvFolderEndpoints.FromPath(text, context);
        }

        if (forced is not null || SqliteEndpoints.HasSqliteExtension(text))
        {
            return SqliteEndpoints.FromPath(text, context);
        }

        if (HostAndPort().IsMatch(text))
        {
            throw context.Error($"'{context.Echo(text)}' has no scheme; write postgresql://{context.Echo(text)} (or mysql://, mariadb://, sqlserver://)");
        }

        throw context.Error($"'{context.Echo(text)}' is not a URL, a .db/.sqlite/.sqlite3 file or an existing folder; {EndpointScheme.UrlChoices}, or an ADO.NET connection string with {context.EngineOption}");
    }

    /// <summary>"scheme:" with at least two letters, so that a Windows drive letter (C:\) reads as a path.</summary>
    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.\-]+):", RegexOptions.CultureInvariant)]
    private static partial Regex SchemePrefix();

    [GeneratedRegex(@"^[^/\\:@=;]+:[0-9]+(/|$)", RegexOptions.CultureInvariant)]
    private static partial Regex HostAndPort();
}
