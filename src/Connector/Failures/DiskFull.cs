using Sdv.Connector.Engines;

namespace Sdv.Connector.Failures;

/// <summary>
/// A full disk (or tablespace, or file system) on the target: not transient (a retry a few seconds
/// later meets the same full disk) and not a bug, so a run says so plainly instead of "the database said".
/// </summary>
internal static class DiskFull
{
    private const int Enospc = 28;

    /// <summary>An engine says its storage is full, or the operating system did (ENOSPC; Windows' handle-disk-full and disk-full).</summary>
    public static bool Is(Exception exception) =>
        EngineAdapters.AnyEngineSays(exception, (faults, e) => faults.IsDiskFull(e) || e is IOException io && (io.HResult == Enospc || (io.HResult & 0xFFFF) is 0x27 or 0x70));
}
