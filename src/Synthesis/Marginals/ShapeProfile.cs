namespace Sdv.Connector.Synthesis.Marginals;

/// <summary>
/// The shape of a set of strings without any of the strings: how long they are and which class of
/// character (upper, lower, digit, space, punctuation) sits at each position. Used to generate
/// stand-ins for rare categories and keys with no simpler pattern. Serialized into the model file.
/// </summary>
internal sealed class ShapeProfile
{
    /// <summary>Positions tracked one by one; later positions share the last row.</summary>
    public const int Positions = 24;

    /// <summary>Character classes: upper, lower, digit, space, punctuation.</summary>
    public const int Classes = 5;

    /// <summary>Count of each length (index = length, capped at <see cref="MaxLength"/>).</summary>
    public long[] LengthCounts { get; set; } = new long[MaxLength + 1];

    /// <summary>ClassCounts[position * Classes + class].</summary>
    public long[] ClassCounts { get; set; } = new long[Positions * Classes];

    /// <summary>The most common punctuation character, used for the punctuation class.</summary>
    public char Punctuation { get; set; } = '-';

    public long Total { get; set; }

    public const int MaxLength = 64;

    /// <summary>
    /// Per position (the first <see cref="Positions"/> - 1), the character every value has there, or '\0' where they
    /// differ: "ORD-" of "ORD-000123", "name" of "name17". Null until <see cref="KeepLiterals"/> finds k or more values
    /// (a character shared by fewer could point at them), and in model files written before it was learned.
    /// </summary>
    public string? Literals { get; set; }

    /// <summary>
    /// Bit i set: position i holds digits in the source but never a 0 ("name17", "name300": no "name017"). Kept with
    /// <see cref="Literals"/>, under the same rule.
    /// </summary>
    public long ZeroFreePositions { get; set; }

    /// <summary>
    /// Whether every letter of every value is a hexadecimal digit (tok_9f8e7d, 3FA2C0): letters are then drawn from a-f,
    /// else "tok_v58915" reads as no token of the source's kind. Kept with <see cref="Literals"/>, under the same rule.
    /// </summary>
    public bool HexLetters { get; set; }

    private const char Differs = '\uffff';

    /// <summary>Bit i (the last for every position from 63 on): a letter was seen at position i; a letter past f.</summary>
    private long _letterPositions;

    private long _nonHexPositions;

    private long _zeroSeen;

    private long[]? _punctuationCounts;

    private char[]? _common;

    public void Add(string value)
    {
        Total++;
        LengthCounts[Math.Min(value.Length, MaxLength)]++;
        _common ??= new char[Positions - 1];
        for (var i = 0; i < _common.Length; i++)
        {
            var c = i < value.Length ? value[i] : Differs;
            if (c == '0') _zeroSeen |= 1L << i;
            if (Total == 1) _common[i] = c;
            else if (_common[i] != c) _common[i] = Differs;
        }

        _punctuationCounts ??= new long[128];
        for (var i = 0; i < value.Length && i < MaxLength; i++)
        {
            var c = value[i];
            var cls = ClassOf(c);
            if (cls < 2)
            {
                var bit = 1L << Math.Min(i, 63);
                _letterPositions |= bit;
                if (!char.IsAsciiHexDigit(c)) _nonHexPositions |= bit;
            }

            ClassCounts[(Math.Min(i, Positions - 1) * Classes) + cls]++;
            if (cls == 4 && c < 128)
            {
                _punctuationCounts[c]++;
            }
        }

        var best = Punctuation;
        long bestCount = 0;
        for (var c = 0; c < 128; c++)
        {
            if (_punctuationCounts[c] > bestCount)
            {
                bestCount = _punctuationCounts[c];
                best = (char)c;
            }
        }

        Punctuation = best;
    }

    /// <summary>
    /// Keeps the characters every value shares at a position as <see cref="Literals"/>, where at least
    /// <paramref name="k"/> values were added: their prefix is the column's format, not any value's content.
    /// </summary>
    public ShapeProfile KeepLiterals(int k)
    {
        Literals = null;
        ZeroFreePositions = 0;
        HexLetters = false;
        if (_common is null || Total < Math.Max(k, 2)) return this;
        // Letters every value shares ("tok" of "tok_9f8e7d") are written as they are; the others decide.
        var drawn = ~0L;
        for (var i = 0; i < _common.Length; i++)
        {
            if (_common[i] != Differs) drawn &= ~(1L << i);
        }
        HexLetters = (_letterPositions & drawn) != 0 && (_nonHexPositions & drawn) == 0;
        for (var i = 0; i < _common.Length; i++)
        {
            if (ClassCounts[(i * Classes) + 2] > 0 && (_zeroSeen & (1L << i)) == 0) ZeroFreePositions |= 1L << i;
        }

        var end = _common.Length;
        while (end > 0 && _common[end - 1] == Differs) end--;
        if (end == 0) return this;
        Literals = new string(_common, 0, end).Replace(Differs, '\0');
        return this;
    }

    public static int ClassOf(char c) => char.IsUpper(c) ? 0 : char.IsLower(c) ? 1 : char.IsDigit(c) ? 2 : char.IsWhiteSpace(c) ? 3 : 4;
}
