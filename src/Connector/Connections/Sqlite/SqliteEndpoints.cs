using Microsoft.Data.Sqlite;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Connections.Sqlite;

/// <summary>
/// SQLite endpoints: <c>sqlite:///abs/file.db</c>, <c>sqlite://relative.db</c>, a bare path ending in
/// .db/.sqlite/.sqlite3, or <c>Data Source=...</c> with <c>--source-engine sqlite</c>. The connection string
/// always names the file by its full path, so it means the same file whatever the working folder later is.
/// </summary>
internal static class SqliteEndpoints
{
    private static readonly string[] Extensions = [".db", ".sqlite", ".sqlite3"];

    public static bool HasSqliteExtension(string path) =>
        Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary><c>sqlite:</c> followed by a path; <c>//</c> after the colon is dropped, so three slashes make it absolute.</summary>
    public static DatabaseEndpoint FromUrl(string text, string typedScheme, ParseContext context)
    {
        var rest = text[(typedScheme.Length + 1)..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            rest = rest[2..];
        }

        var query = rest.IndexOf('?', StringComparison.Ordinal);
        var rawPath = query < 0 ? rest : rest[..query];
        var options = query < 0 ? [] : ParseOptions(rest[(query + 1)..], context);
        if (!PercentEncoding.TryDecode(rawPath, out var path))
        {
            throw context.Error($"the path '{rawPath}' {PercentEncoding.Fault(rawPath)}; write % as %25");
        }

        // sqlite:///C:/data/x.db on Windows: the slash before the drive letter is the URL's, not the path's.
        if (OperatingSystem.IsWindows() && path.Length > 2 && path[0] == '/' && path[2] == ':')
        {
            path = path[1..];
        }

        if (path.Length == 0)
        {
            throw context.Error("the URL names no file; write sqlite:///absolute/path/file.db or sqlite://relative/file.db");
        }

        var builder = new SqliteConnectionStringBuilder();
        BuilderOptions.Apply(builder, options, "SQLite", context);
        return Complete(path, builder, context);
    }

    public static DatabaseEndpoint FromPath(string path, ParseContext context) =>
        Complete(path, new SqliteConnectionStringBuilder(), context);

    public static DatabaseEndpoint FromConnectionString(string text, ParseContext context)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(text);
        }
        catch (Exception ex) when (BuilderOptions.IsDriverComplaint(ex))
        {
            throw context.Error($"the connection string is not valid for SQLite: {BuilderOptions.DriverMessage(ex)}");
        }

        if (string.IsNullOrEmpty(builder.DataSource))
        {
            throw context.Error("the connection string names no file; add Data Source=PATH");
        }

        return Complete(builder.DataSource, builder, context);
    }

    private static DatabaseEndpoint Complete(string path, SqliteConnectionStringBuilder builder, ParseContext context)
    {
        if (context.Password is { } source)
        {
            throw context.Error($"a SQLite file takes no password; drop {source.OptionName(context.Role)}");
        }

        if (!string.IsNullOrEmpty(builder.Password))
        {
            throw context.Error("a SQLite file takes no password (encrypted SQLite is not supported); drop Password=");
        }

        if (path == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            throw context.Error("an in-memory SQLite database cannot be cloned to or from; name a file");
        }

        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw context.Error($"{full} is a folder, not a SQLite file; for a folder of CSV files write csv://{full}");
        }

        if (context.Role == "source" && !File.Exists(full))
        {
            throw context.Error($"SQLite file {full} does not exist");
        }

        if (File.Exists(full) && !HasSqliteHeader(full))
        {
            throw context.Error($"{full} is not a SQLite database (its first bytes are not \"SQLite format 3\")");
        }

        var folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw context.Error($"folder {folder} of the SQLite file does not exist; create it first");
        }

        builder.DataSource = full;
        return new DatabaseEndpoint
        {
            Kind = EndpointKind.Database,
            Engine = DatabaseEngine.Sqlite,
            ConnectionString = builder.ConnectionString,
            DatabaseName = Path.GetFileNameWithoutExtension(full),
            Path = full,
            Redacted = "sqlite://" + (full.StartsWith('/') ? full : "/" + full),
            Identity = new EndpointIdentity(EndpointKind.Database, DatabaseEngine.Sqlite, string.Empty, PathIdentity.Canonical(full)),
        };
    }

    /// <summary>
    /// An existing file must be a SQLite database, or empty (SQLite treats an empty file as an empty database).
    /// Checked here so that a CSV or a dump passed by mistake is named as such, not reported later as "file is not a database".
    /// </summary>
    private static bool HasSqliteHeader(string path)
    {
        ReadOnlySpan<byte> magic = "SQLite format 3\0"u8;
        try
        {
            using var stream = File.OpenRead(path);
            if (stream.Length == 0)
            {
                return true;
            }

            Span<byte> header = stackalloc byte[16];
            return stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header.SequenceEqual(magic);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true; // Unreadable here means unreadable for the driver too, which will say so with its own reason.
        }
    }

    /// <summary>SQLite URI spellings of the open mode (<c>?mode=ro</c>) mapped to the builder's names.</summary>
    private static List<KeyValuePair<string, string>> ParseOptions(string query, ParseContext context)
    {
        var options = new List<KeyValuePair<string, string>>();
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw context.Error($"query option '{pair}' is not name=value");
            }

            var key = pair[..equals];
            var value = pair[(equals + 1)..];
            if (key.Equals("mode", StringComparison.OrdinalIgnoreCase))
            {
                value = value.ToLowerInvariant() switch
                {
                    "ro" => nameof(SqliteOpenMode.ReadOnly),
                    "rw" => nameof(SqliteOpenMode.ReadWrite),
                    "rwc" => nameof(SqliteOpenMode.ReadWriteCreate),
                    _ => value,
                };
            }

            options.Add(new KeyValuePair<string, string>(key, value));
        }

        return options;
    }
}
