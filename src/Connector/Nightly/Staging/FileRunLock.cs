namespace Sdv.Connector.Nightly.Staging;

/// <summary>
/// A lock file opened with <see cref="FileShare.None"/> (an exclusive flock on Unix, a share-none
/// handle on Windows) for the whole run. The operating system drops the lock when the process
/// dies; a file left by a killed run is simply locked again by the next one. On release the holder
/// deletes the file (on Unix while it still holds it, so no other run can be holding it then).
/// </summary>
internal sealed class FileRunLock : IRunLock
{
    private readonly FileStream _stream;
    private readonly string _path;

    private FileRunLock(FileStream stream, string path)
    {
        _stream = stream;
        _path = path;
    }

    /// <summary>Takes the lock file at <paramref name="path"/>, or returns null when another run holds it.</summary>
    public static IRunLock? TryTake(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder)) Directory.CreateDirectory(folder);
        // Twice at most: a holder may delete the file between our open and our lock, and a lock on a deleted file guards nothing.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
            }
            catch (IOException) when (File.Exists(path))
            {
                return null;
            }
            if (!File.Exists(path))
            {
                stream.Dispose();
                continue;
            }
            // Who holds it, for whoever finds the file: the process id and when it was taken.
            stream.SetLength(0);
            using (var writer = new StreamWriter(stream, leaveOpen: true))
            {
                writer.Write(FormattableString.Invariant($"pid {Environment.ProcessId} since {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss}Z\n"));
            }
            stream.Flush();
            return new FileRunLock(stream, path);
        }
        return null;
    }

    public ValueTask DisposeAsync()
    {
        if (OperatingSystem.IsWindows())
        {
            _stream.Dispose();
            TryDelete();
        }
        else
        {
            TryDelete();
            _stream.Dispose();
        }
        return ValueTask.CompletedTask;
    }

    private void TryDelete()
    {
        try
        {
            File.Delete(_path);
        }
        catch (IOException)
        {
            // Another run opened it meanwhile (Windows): the file is theirs now.
        }
        catch (UnauthorizedAccessException)
        {
            // A folder made read-only during the run: the lock is released all the same.
        }
    }
}
