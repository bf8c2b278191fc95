namespace Sdv.Connector.IntegrationTests.Faults;

/// <summary>A tiny tmpfs mounted on a fresh folder, to fill a target's disk; always unmounted on dispose.</summary>
internal sealed class TmpfsMount : IAsyncDisposable
{
    private TmpfsMount(string path) => Path = path;

    public string Path { get; }

    /// <summary>Mounts a tmpfs of <paramref name="megabytes"/>, or returns null with why it could not (not root, mount refused).</summary>
    public static async Task<(TmpfsMount? Mount, string? Why)> TryMountAsync(int megabytes)
    {
        if (!Shell.IsRoot) return (null, "mounting a tmpfs needs root");
        var path = Directory.CreateTempSubdirectory("sdv-tmpfs-").FullName;
        var (code, output) = await Shell.TryRunAsync("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0777", "tmpfs", path);
        if (code != 0)
        {
            Directory.Delete(path);
            return (null, $"mount -t tmpfs failed here: {output.Trim()}");
        }
        return (new TmpfsMount(path), null);
    }

    /// <summary>Fills the file system to the last byte with a filler file; returns its path.</summary>
    /// <summary>Fills the file system with a filler file, then gives back <paramref name="leaveFree"/> bytes (room for a lock file, not for a clone).</summary>
    public async Task<string> FillAsync(long leaveFree = 0)
    {
        var filler = System.IO.Path.Combine(Path, "filler");
        // dd stops with "No space left on device", which is the point; its exit code is not.
        await Shell.TryRunAsync("dd", "if=/dev/zero", "of=" + filler, "bs=64k");
        var info = new DriveInfo(Path);
        if (info.AvailableFreeSpace > 64 * 1024) throw new InvalidOperationException($"{Path} still has {info.AvailableFreeSpace} bytes free after filling");
        if (leaveFree > 0)
        {
            await using var stream = new FileStream(filler, FileMode.Open, FileAccess.Write);
            stream.SetLength(Math.Max(0, stream.Length - leaveFree));
        }
        return filler;
    }

    public async ValueTask DisposeAsync()
    {
        await Shell.TryRunAsync("umount", "-l", Path);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Still busy: a temporary folder left behind is harmless.
        }
    }
}
