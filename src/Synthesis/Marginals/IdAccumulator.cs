
namespace Sdv.Connector.Synthesis.Marginals;

/// <summary>
/// Learns the format of a key column, never its values: for strings, whether every key is a
/// common prefix followed by digits (<c>INV-000123</c>), a UUID, or else a general shape.
/// </summary>
internal sealed class IdAccumulator : ValueAccumulator
{
    private const int ShapeSample = 10_000;

    /// <summary>The prefix shared by every key before its trailing digits, or null when keys differ in it.</summary>
    public string? Prefix { get; private set; }

    public bool AllPrefixDigits { get; private set; } = true;

    public bool AllUuid { get; private set; } = true;

    public bool UuidUpper { get; private set; }

    public int MinDigits { get; private set; } = int.MaxValue;

    public ShapeProfile Shape { get; } = new();

    protected override void Add(object value)
    {
        if (value is not string s)
        {
            if (value is not Guid)
            {
                AllUuid = false;
            }

            return;
        }

        if (Count <= ShapeSample)
        {
            Shape.Add(s);
        }

        if (AllUuid)
        {
            if (s.Length == 36 && Guid.TryParseExact(s, "D", out _))
            {
                UuidUpper |= s.Any(char.IsUpper);
            }
            else
            {
                AllUuid = false;
            }
        }

        if (AllPrefixDigits)
        {
            var end = s.Length;
            while (end > 0 && char.IsAsciiDigit(s[end - 1]))
            {
                end--;
            }

            var digits = s.Length - end;
            if (digits == 0)
            {
                AllPrefixDigits = false;
                return;
            }

            MinDigits = Math.Min(MinDigits, digits);
            if (Prefix is null)
            {
                Prefix = s[..end];
            }
            else if (!s.AsSpan(0, end).SequenceEqual(Prefix))
            {
                AllPrefixDigits = false;
            }
        }
    }
}
