using System.Globalization;
using System.Text;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Generators;

/// <summary>
/// How an e-mail address is made of its row's names: "olga.jansen1" is the first name, a dot, the last name and a digit;
/// "luisg" the first name and the last name's initial; "MARY.SMITH" the same in capitals. A template holds the pattern
/// (F and L a whole first and last name, f and l their initials, with the separator between), how many digits follow, and
/// the case, never a name. A clone writes its synthetic person's address by the same template, so the address reads as
/// that person's ("olga.jansen1@example.net" becomes "dixie.davis7@example.net", not "Blake_Franecki@yahoo.com").
/// </summary>
internal static class EmailTemplate
{
    /// <summary>The patterns tried, in order; the first whose rendering of the row's names is the address's local part wins.</summary>
    private static readonly string[] Patterns = BuildPatterns();

    /// <summary>Most digits a template keeps count of; more are written as this many.</summary>
    private const int MaxDigits = 4;

    private static string[] BuildPatterns()
    {
        var patterns = new List<string>();
        foreach (var separator in new[] { ".", "_", "-", "" })
        {
            patterns.AddRange([$"F{separator}L", $"L{separator}F", $"f{separator}L", $"F{separator}l", $"L{separator}f"]);
        }

        patterns.AddRange(["F", "L"]);
        return [.. patterns];
    }

    /// <summary>
    /// The template of <paramref name="email"/> (pattern, digits and case, as "F.L|1|l"), where its local part is made of
    /// <paramref name="first"/> and <paramref name="last"/>; null where it is not (a nickname, another person's name).
    /// </summary>
    public static string? Of(string email, string? first, string? last)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.LastIndexOf('@');
        if (at <= 0) return null;
        var local = email[..at];
        var digitsFrom = local.Length;
        while (digitsFrom > 0 && char.IsAsciiDigit(local[digitsFrom - 1])) digitsFrom--;
        var core = local[..digitsFrom];
        if (core.Length == 0) return null;
        var (f, l) = (Fold(first), Fold(last));
        var lower = core.ToLowerInvariant();
        foreach (var pattern in Patterns)
        {
            if (Render(pattern, f, l) is { Length: > 0 } rendered && rendered == lower)
            {
                var letters = core.Where(char.IsLetter).ToArray();
                var textCase = letters.All(char.IsUpper) ? 'u' : letters.All(char.IsLower) ? 'l' : 'm';
                return string.Create(CultureInfo.InvariantCulture, $"{pattern}|{Math.Min(local.Length - digitsFrom, MaxDigits)}|{textCase}");
            }
        }

        return null;
    }

    /// <summary>The local part <paramref name="template"/> makes of a row's names, with new digits; null where the names lack a part it needs.</summary>
    public static string? Fill(string template, string? first, string? last, Xoshiro256 random)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(random);
        var parts = template.Split('|');
        if (parts.Length != 3 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var digits)) return null;
        var (f, l) = (Fold(first), Fold(last));
        var core = Render(parts[0], f, l, capitalise: parts[2] == "m");
        if (core is null or { Length: 0 }) return null;
        if (parts[2] == "u") core = core.ToUpperInvariant();
        var text = new StringBuilder(core, core.Length + digits);
        for (var i = 0; i < digits; i++) text.Append((char)('0' + random.NextInt(10)));
        return text.ToString();
    }

    /// <summary>The pattern written with the folded names (null where a part it needs is empty).</summary>
    private static string? Render(string pattern, string first, string last, bool capitalise = false)
    {
        var text = new StringBuilder();
        foreach (var c in pattern)
        {
            var part = c switch
            {
                'F' => first,
                'L' => last,
                'f' => first.Length > 0 ? first[..1] : "",
                'l' => last.Length > 0 ? last[..1] : "",
                _ => null,
            };
            if (part is null)
            {
                text.Append(c);
                continue;
            }

            if (part.Length == 0) return null;
            text.Append(capitalise ? char.ToUpperInvariant(part[0]) + part[1..] : part);
        }

        return text.ToString();
    }

    /// <summary>A name as addresses write it: lower case, letters of the Latin alphabet only ("Luís" luis, "O'Brien" obrien).</summary>
    public static string Fold(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "";
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            var lower = char.ToLowerInvariant(c);
            if (char.IsAsciiLetter(lower)) text.Append(lower);
            else if (Unaccented.TryGetValue(lower, out var plain)) text.Append(plain);
        }

        return text.ToString();
    }

    /// <summary>
    /// Accented Latin letters and the letters addresses write for them. By table, not by Unicode decomposition: the build
    /// runs with invariant globalization, where normalization leaves "é" whole.
    /// </summary>
    private static readonly Dictionary<char, string> Unaccented = BuildUnaccented();

    private static Dictionary<char, string> BuildUnaccented()
    {
        (string Letters, string Plain)[] groups =
        [
            ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđð", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"), ("ìíîïĩīĭįı", "i"),
            ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"), ("ŕŗř", "r"), ("śŝşšș", "s"), ("ţťŧț", "t"),
            ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"), ("ß", "ss"), ("æ", "ae"), ("œ", "oe"), ("þ", "th"),
        ];
        var map = new Dictionary<char, string>();
        foreach (var (letters, plain) in groups)
        {
            foreach (var letter in letters) map[letter] = plain;
        }

        return map;
    }

    /// <summary>A full name's first and last name: its first word and its last.</summary>
    public static (string? First, string? Last) Split(string? fullName)
    {
        var words = fullName?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        return words.Length switch
        {
            0 => (null, null),
            1 => (words[0], null),
            _ => (words[0], words[^1]),
        };
    }
}
