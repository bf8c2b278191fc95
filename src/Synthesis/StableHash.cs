using System.Text;

namespace Sdv.Connector.Synthesis;

/// <summary>
/// FNV-1a over a string's UTF-8 bytes: the same value on every machine and runtime, unlike
/// string.GetHashCode. Used wherever a seed or a code is derived from a name or a value.
/// </summary>
public static class StableHash
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <param name="salt">Mixed into the offset basis (a seed), so one text gives other hashes under other seeds.</param>
    public static ulong Fnv1a(string text, ulong salt = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = OffsetBasis ^ salt;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * Prime);
        }
        return hash;
    }
}
