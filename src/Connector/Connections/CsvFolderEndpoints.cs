namespace Sdv.Connector.Connections;

/// <summary>
/// A folder of CSV files, one per table: <c>csv:///abs/folder</c>, <c>csv://relative/folder</c>, a bare path to an
/// existing folder, or a bare path ending in '/' (a folder a target may create).
/// </summary>
internal static class CsvFolderEndpoints
{
    public static DatabaseEndpoint FromUrl(string text, string typedScheme, ParseContext context)
    {
        var rest = text[(typedScheme.Length + 1)..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            rest = rest[2..];
        }

        if (rest.Contains('?', StringComparison.Ordinal))
        {
            throw context.Error("a csv: URL takes no ?options; write a '?' in the folder's name as %3F");
        }

        if (!PercentEncoding.TryDecode(rest, out var path))
        {
            throw context.Error($"the path '{rest}' {PercentEncoding.Fault(rest)}; write % as %25");
        }

        if (path.Length == 0)
        {
            throw context.Error("the URL names no folder; write csv:///absolute/folder or csv://relative/folder");
        }

        return FromPath(path, context);
    }

    public static DatabaseEndpoint FromPath(string path, ParseContext context)
    {
        if (context.Password is { } source)
        {
            throw context.Error($"a CSV folder takes no password; drop {source.OptionName(context.Role)}");
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (File.Exists(full))
        {
            throw context.Error($"{full} is a file; a CSV endpoint is a folder holding one .csv file per table");
        }

        if (context.Role == "source" && !Directory.Exists(full))
        {
            throw context.Error($"CSV folder {full} does not exist");
        }

        return new DatabaseEndpoint
        {
            Kind = EndpointKind.CsvFolder,
            Engine = null,
            ConnectionString = null,
            DatabaseName = Path.GetFileName(full),
            Path = full,
            Redacted = "csv://" + (full.StartsWith('/') ? full : "/" + full),
            Identity = new EndpointIdentity(EndpointKind.CsvFolder, null, string.Empty, PathIdentity.Canonical(full)),
        };
    }
}
