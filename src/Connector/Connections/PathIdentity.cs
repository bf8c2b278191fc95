namespace Sdv.Connector.Connections;

/// <summary>
/// The canonical form of a file or folder path: absolute, normalised, every symbolic link along it resolved
/// (like realpath), and case-folded where the file system ignores case. Parts that do not exist yet are kept as written.
/// </summary>
internal static class PathIdentity
{
    private const int MaxLinks = 40;

    public static string Canonical(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var resolved = Resolve(Path.GetFullPath(path), 0);
        resolved = Path.TrimEndingDirectorySeparator(resolved);
        return OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? resolved.ToUpperInvariant() : resolved;
    }

    private static string Resolve(string full, int depth)
    {
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var parts = full[root.Length..].Split(
            [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (var i = 0; i < parts.Length; i++)
        {
            current = Path.Combine(current, parts[i]);
            FileSystemInfo info = new FileInfo(current);
            if (info.LinkTarget is null)
            {
                continue;
            }

            if (depth >= MaxLinks)
            {
                return full; // A link cycle: compare the path as written rather than loop.
            }

            string target;
            try
            {
                var final = info.ResolveLinkTarget(returnFinalTarget: true);
                target = final?.FullName ?? current;
            }
            catch (IOException)
            {
                return full;
            }

            // The link's target may itself pass through links in its folders: resolve it again, then carry on.
            current = Resolve(Path.GetFullPath(target), depth + 1);
        }

        return current;
    }
}
