using System.Text;

namespace Sdv.Connector.Connections;

/// <summary>Strict percent-decoding of URL parts: a stray '%' is an error, not silently kept, so a mistyped password is reported.</summary>
internal static class PercentEncoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Why <see cref="TryDecode"/> refused <paramref name="text"/>, for an error message (it never quotes the text): a '%'
    /// without two hex digits, or escapes whose bytes are not UTF-8 (%FF, or %C3 alone).
    /// </summary>
    public static string Fault(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = text.IndexOf('%', StringComparison.Ordinal); i >= 0; i = text.IndexOf('%', i + 1))
        {
            if (i + 2 >= text.Length || !IsHex(text[i + 1]) || !IsHex(text[i + 2]))
            {
                return "holds a '%' that is not followed by two hex digits";
            }

            i += 2;
        }

        return "holds %-escapes whose bytes are not UTF-8 text";
    }

    /// <summary>Decodes <paramref name="text"/>; false when a '%' is not followed by two hex digits or the bytes are not UTF-8.</summary>
    public static bool TryDecode(string text, out string decoded)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            decoded = text;
            return true;
        }

        var bytes = new List<byte>(text.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length || !IsHex(text[i + 1]) || !IsHex(text[i + 2]))
                {
                    decoded = string.Empty;
                    return false;
                }

                bytes.Add((byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2])));
                i += 2;
                continue;
            }

            var rune = Rune.GetRuneAt(text, i);
            var length = rune.EncodeToUtf8(utf8);
            for (var b = 0; b < length; b++)
            {
                bytes.Add(utf8[b]);
            }

            i += rune.Utf16SequenceLength - 1;
        }

        try
        {
            decoded = StrictUtf8.GetString(bytes.ToArray());
            return true;
        }
        catch (DecoderFallbackException)
        {
            decoded = string.Empty;
            return false;
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (char.ToLowerInvariant(c) - 'a') + 10;
}
