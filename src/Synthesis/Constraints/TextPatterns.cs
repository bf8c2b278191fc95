using System.Text;
using System.Text.RegularExpressions;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Constraints;

/// <summary>
/// The text patterns of CHECK constraints (PostgreSQL's <c>~</c>, MySQL's REGEXP, LIKE) as .NET regular expressions, and
/// strings drawn to match one: a value the model drew that breaks <c>CHECK (sku ~ '^[A-Z]{2}-[0-9]{4}$')</c> is written
/// anew in that shape rather than refused by the target.
/// </summary>
internal static class TextPatterns
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>POSIX classes, which .NET does not read, as the ranges they stand for (ASCII).</summary>
    private static readonly (string Posix, string Range)[] PosixClasses =
    [
        ("[:alpha:]", "a-zA-Z"), ("[:digit:]", "0-9"), ("[:alnum:]", "a-zA-Z0-9"), ("[:upper:]", "A-Z"), ("[:lower:]", "a-z"),
        ("[:space:]", " \\t"), ("[:xdigit:]", "0-9A-Fa-f"), ("[:punct:]", "!-/:-@\\[-`{-~"), ("[:word:]", "a-zA-Z0-9_"),
    ];

    /// <summary>A POSIX (PostgreSQL, MySQL) regular expression as .NET reads it; unanchored, as the engines match.</summary>
    public static Regex FromPosix(string pattern, bool ignoreCase)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        foreach (var (posix, range) in PosixClasses) pattern = pattern.Replace(posix, range, StringComparison.Ordinal);
        return Compile(pattern, ignoreCase);
    }

    /// <summary>A LIKE pattern (% any run, _ one character, \ escapes the next) as an anchored regular expression.</summary>
    public static Regex FromLike(string pattern, bool ignoreCase)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length) regex.Append(Regex.Escape(pattern[++i].ToString()));
            else if (c == '%') regex.Append("(?s:.*)");
            else if (c == '_') regex.Append("(?s:.)");
            else regex.Append(Regex.Escape(c.ToString()));
        }

        return Compile(regex.Append('$').ToString(), ignoreCase);
    }

    private static Regex Compile(string pattern, bool ignoreCase)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None), MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new CheckParseException($"The pattern '{pattern}' is not one this tool reads: {e.Message}");
        }
    }

    /// <summary>
    /// A string <paramref name="pattern"/> matches, of at most <paramref name="maxLength"/> characters; null where the
    /// pattern uses what is not drawn here (look-arounds, back-references) or no short enough string came out.
    /// </summary>
    public static string? Generate(Regex pattern, Xoshiro256 random, int? maxLength)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(random);
        var text = pattern.ToString();
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var builder = new StringBuilder();
            var position = 0;
            if (!Alternation(text, ref position, random, builder) || position != text.Length) return null;
            var value = builder.ToString();
            if ((maxLength is not { } max || value.Length <= max) && pattern.IsMatch(value)) return value;
        }

        return null;
    }

    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789";
    private const string WordCharacters = Letters + Digits + "_";

    /// <summary>Writes one branch of a|b|c, chosen at random, and moves past the whole alternation.</summary>
    private static bool Alternation(string text, ref int position, Xoshiro256 random, StringBuilder output)
    {
        var branches = new List<StringBuilder>();
        while (true)
        {
            var branch = new StringBuilder();
            if (!Sequence(text, ref position, random, branch)) return false;
            branches.Add(branch);
            if (position < text.Length && text[position] == '|')
            {
                position++;
                continue;
            }

            break;
        }

        output.Append(branches[random.NextInt(branches.Count)]);
        return true;
    }

    private static bool Sequence(string text, ref int position, Xoshiro256 random, StringBuilder output)
    {
        while (position < text.Length && text[position] is not ('|' or ')'))
        {
            var atomStart = position;
            if (!SkipAtom(text, ref position)) return false;
            var (min, max) = Quantifier(text, ref position);
            var times = min + random.NextInt(max - min + 1);
            for (var t = 0; t < times; t++)
            {
                var at = atomStart;
                if (!Atom(text, ref at, random, output)) return false;
            }
        }

        return true;
    }

    /// <summary>Moves past one atom (a character, an escape, a class, a group) without writing it.</summary>
    private static bool SkipAtom(string text, ref int position)
    {
        var scratch = new StringBuilder();
        return Atom(text, ref position, new Xoshiro256(1), scratch);
    }

    /// <summary>Writes one atom and moves past it; false for what is not drawn here.</summary>
    private static bool Atom(string text, ref int position, Xoshiro256 random, StringBuilder output)
    {
        var c = text[position++];
        switch (c)
        {
            case '^' or '$':
                return true;
            case '.':
                output.Append(Letters[random.NextInt(Letters.Length)]);
                return true;
            case '(':
            {
                if (position < text.Length && text[position] == '?')
                {
                    // (?:...) and (?s:...) groups are plain groups here; look-arounds and named groups are not drawn.
                    var colon = text.IndexOf(':', position);
                    if (colon < 0 || text[(position + 1)..colon].Any(static ch => !char.IsLetter(ch) && ch != '-')) return false;
                    position = colon + 1;
                }

                if (!Alternation(text, ref position, random, output) || position >= text.Length || text[position] != ')') return false;
                position++;
                return true;
            }

            case '[':
                return CharacterClass(text, ref position, random, output);
            case '\\':
            {
                if (position >= text.Length) return false;
                var e = text[position++];
                if (e is 'b' or 'B' or 'A' or 'z' or 'Z') return true;
                if (char.IsDigit(e)) return false;
                var set = EscapeSet(e);
                output.Append(set is null ? e : set[random.NextInt(set.Length)]);
                return true;
            }

            case '*' or '+' or '?' or '{' or ')' or '|':
                return false;
            default:
                output.Append(c);
                return true;
        }
    }

    private static string? EscapeSet(char escape) => escape switch
    {
        'd' => Digits,
        'w' => WordCharacters,
        's' => " ",
        'D' or 'W' => Letters[..26],
        'S' => Letters + Digits,
        _ => null,
    };

    /// <summary>[...] or [^...]: one character in (or, negated, out of) the set, from letters, digits and a space.</summary>
    private static bool CharacterClass(string text, ref int position, Xoshiro256 random, StringBuilder output)
    {
        var negated = position < text.Length && text[position] == '^';
        if (negated) position++;
        var members = new HashSet<char>();
        var first = true;
        while (position < text.Length && (text[position] != ']' || first))
        {
            first = false;
            var c = text[position++];
            if (c == '\\' && position < text.Length)
            {
                var e = text[position++];
                if (EscapeSet(e) is { } set)
                {
                    members.UnionWith(set);
                    continue;
                }

                c = e switch { 't' => '\t', 'n' => '\n', _ => e };
            }

            if (position + 1 < text.Length && text[position] == '-' && text[position + 1] != ']')
            {
                position++;
                var end = text[position++];
                if (end == '\\' && position < text.Length) end = text[position++];
                if (end < c) return false;
                for (var x = c; x <= end && x < char.MaxValue; x++) members.Add(x);
                continue;
            }

            members.Add(c);
        }

        if (position >= text.Length) return false;
        position++;
        var pool = negated ? (Letters + Digits + " -_.").Where(ch => !members.Contains(ch)).ToArray() : members.Where(static ch => !char.IsControl(ch)).ToArray();
        if (pool.Length == 0) return false;
        output.Append(pool[random.NextInt(pool.Length)]);
        return true;
    }

    /// <summary>?, *, +, {n}, {n,}, {n,m} (and their lazy forms): how many times; an open end is drawn up to four more.</summary>
    private static (int Min, int Max) Quantifier(string text, ref int position)
    {
        if (position >= text.Length) return (1, 1);
        (int, int) result;
        switch (text[position])
        {
            case '?':
                position++;
                result = (0, 1);
                break;
            case '*':
                position++;
                result = (0, 4);
                break;
            case '+':
                position++;
                result = (1, 5);
                break;
            case '{' when text.IndexOf('}', position) is var close and > 0
                && text[(position + 1)..close].Split(',') is { Length: <= 2 } parts && int.TryParse(parts[0], out var min):
            {
                var max = parts.Length == 1 ? min : parts[1].Length == 0 ? min + 4 : int.TryParse(parts[1], out var m) ? m : min;
                position = close + 1;
                result = (min, Math.Max(min, max));
                break;
            }

            default:
                return (1, 1);
        }

        if (position < text.Length && text[position] == '?') position++;
        return result;
    }
}
