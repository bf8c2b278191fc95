using System.Text;

namespace Sdv.Connector.SchemaIntrospection.Metadata;

/// <summary>
/// Text kept in a binary column (MediaWiki keeps titles, user names and wikitext in VARBINARY and BLOB; some
/// applications keep text in bytea): bytes that are valid UTF-8 without control characters other than tab and line
/// breaks. Real binary (images, hashes, random bytes) is almost never that: a random byte is valid and printable ASCII
/// about one time in three, and twenty in a row about once in ten billion.
/// </summary>
public static class TextBytes
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text of <paramref name="bytes"/> where they are UTF-8 text; false for any other bytes (an empty value is text).</summary>
    public static bool TryDecode(byte[] bytes, out string text)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        text = string.Empty;
        if (!System.Text.Unicode.Utf8.IsValid(bytes)) return false;
        var decoded = Strict.GetString(bytes);
        foreach (var c in decoded)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) return false;
        }
        text = decoded;
        return true;
    }

    /// <summary>
    /// <paramref name="text"/> as UTF-8, cut at a character boundary to at most <paramref name="maxBytes"/> bytes (a
    /// generated name longer in bytes than the column is wide, as a name with accents can be).
    /// </summary>
    public static byte[] Encode(string text, int? maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        if (maxBytes is not { } max || bytes.Length <= max) return bytes;
        var end = Math.Max(0, max);
        // Back to the first byte of a character: continuation bytes are 10xxxxxx.
        while (end > 0 && end < bytes.Length && (bytes[end] & 0xC0) == 0x80) end--;
        return bytes[..end];
    }
}
