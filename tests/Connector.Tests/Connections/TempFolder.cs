namespace Sdv.Connector.Tests.Connections;

/// <summary>
/// A folder of files the parser can find: SQLite sources must exist, a bare folder is a CSV endpoint.
/// Shared by the tests of a class; inputs name it as "{dir}" and the working folder as "{cwd}".
/// </summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "sdv-connections-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        foreach (var file in new[] { "source.db", "data.sqlite", "DATA.sqlite3", "plain.bin", "with space.db" })
        {
            File.WriteAllBytes(Path.Combine(Root, file), []);
        }

        Directory.CreateDirectory(Path.Combine(Root, "extracts"));
        Directory.CreateDirectory(Path.Combine(Root, "sub"));
    }

    public string Root { get; }

    public string Expand(string text) =>
        text.Replace("{dir}", Root, StringComparison.Ordinal)
            .Replace("{cwd}", Directory.GetCurrentDirectory(), StringComparison.Ordinal);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clear: a failed clean-up must not fail a test.
        }
    }
}
