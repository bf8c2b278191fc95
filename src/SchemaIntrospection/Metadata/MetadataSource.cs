namespace Sdv.Connector.SchemaIntrospection.Metadata;

/// <summary>
/// A metadata file as the user hands it over: SDV's JSON, and our sidecar beside it where there is
/// one (<c>m.json</c> → <c>m.sdv-connector.json</c>). A file written by SDV has no sidecar and is
/// applied on its own.
/// </summary>
public sealed record MetadataSource(string Json, string FileName, string? SidecarJson = null, string? SidecarFileName = null)
{
    /// <summary>Where the sidecar of a metadata file lives: beside it, <c>.json</c> replaced by <c>.sdv-connector.json</c>.</summary>
    public static string SidecarPath(string metadataPath)
    {
        ArgumentNullException.ThrowIfNull(metadataPath);
        return Path.ChangeExtension(metadataPath, ".sdv-connector.json");
    }

    /// <summary>Reads a metadata file and, where it exists, its sidecar.</summary>
    public static async Task<MetadataSource> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        var sidecar = SidecarPath(path);
        if (string.Equals(Path.GetFullPath(sidecar), Path.GetFullPath(path), StringComparison.Ordinal) || !File.Exists(sidecar))
            return new MetadataSource(json, Path.GetFileName(path));
        var sidecarJson = await File.ReadAllTextAsync(sidecar, cancellationToken).ConfigureAwait(false);
        return new MetadataSource(json, Path.GetFileName(path), sidecarJson, Path.GetFileName(sidecar));
    }
}
