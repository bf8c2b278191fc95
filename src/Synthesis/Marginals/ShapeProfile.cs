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

    private long[]? _punctuationCounts;

    public void Add(string value)
    {
        Total++;
        LengthCounts[Math.Min(value.Length, MaxLength)]++;
        _punctuationCounts ??= new long[128];
        for (var i = 0; i < value.Length && i < MaxLength; i++)
        {
            var c = value[i];
            var cls = ClassOf(c);
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

    public static int ClassOf(char c) => char.IsUpper(c) ? 0 : char.IsLower(c) ? 1 : char.IsDigit(c) ? 2 : char.IsWhiteSpace(c) ? 3 : 4;
}
