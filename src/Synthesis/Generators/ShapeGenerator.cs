using System.Globalization;
using Sdv.Connector.Synthesis.Marginals;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Generators;

/// <summary>Strings drawn from a <see cref="ShapeProfile"/>: a length, then a character class per position.</summary>
internal static class ShapeGenerator
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";

    /// <param name="literals">Whether the characters every source value shares at a position are written as they are.</param>
    public static string Generate(ShapeProfile shape, Xoshiro256 random, int? maxLength, bool literals = true)
    {
        var shared = literals ? shape.Literals : null;
        var length = Pick(shape.LengthCounts, random);
        if (maxLength is { } max)
        {
            length = Math.Min(length, max);
        }

        Span<char> chars = length <= 256 ? stackalloc char[length] : new char[length];
        for (var i = 0; i < length; i++)
        {
            if (shared is not null && i < shared.Length && shared[i] != '\0')
            {
                chars[i] = shared[i];
                continue;
            }

            var row = Math.Min(i, ShapeProfile.Positions - 1) * ShapeProfile.Classes;
            var cls = Pick(shape.ClassCounts.AsSpan(row, ShapeProfile.Classes), random);
            chars[i] = cls switch
            {
                0 => Upper[random.NextInt(shape.HexLetters ? 6 : 26)],
                1 => Lower[random.NextInt(shape.HexLetters ? 6 : 26)],
                2 when literals && i < ShapeProfile.Positions - 1 && (shape.ZeroFreePositions & (1L << i)) != 0 => (char)('1' + random.NextInt(9)),
                2 => (char)('0' + random.NextInt(10)),
                3 => i == 0 || i == length - 1 ? Lower[random.NextInt(26)] : ' ',
                _ => shape.Punctuation,
            };
        }

        // A leading zero would change a number's shape and does not parse back to the same text (unless every value has one).
        if (length > 1 && chars[0] == '0' && shared is not ['0', ..])
        {
            chars[0] = (char)('1' + random.NextInt(9));
        }

        return new string(chars);
    }

    /// <summary>Makes a repeated string unique with a counter suffix, keeping within the length limit.</summary>
    public static string WithSuffix(string value, long counter, int? maxLength)
    {
        var suffix = "-" + counter.ToString(CultureInfo.InvariantCulture);
        if (maxLength is { } max && value.Length + suffix.Length > max)
        {
            value = value[..Math.Max(0, max - suffix.Length)];
            if (suffix.Length > max)
            {
                suffix = suffix[^max..];
            }
        }

        return value + suffix;
    }

    private static int Pick(ReadOnlySpan<long> counts, Xoshiro256 random)
    {
        long total = 0;
        foreach (var c in counts)
        {
            total += c;
        }

        if (total == 0)
        {
            return 1;
        }

        var target = random.NextLong(total);
        for (var i = 0; i < counts.Length; i++)
        {
            target -= counts[i];
            if (target < 0)
            {
                return i;
            }
        }

        return counts.Length - 1;
    }
}
