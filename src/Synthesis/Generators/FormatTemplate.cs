using System.Text;
using Sdv.Connector.Synthesis.Sampling;

namespace Sdv.Connector.Synthesis.Generators;

/// <summary>
/// The written format of a phone number, postal code or identifier, without its characters: a digit is <c>#</c>,
/// an upper-case letter <c>@</c>, a lower-case letter <c>%</c>, and everything else (spaces, brackets, dashes, a
/// plus) stands for itself; a literal <c>#</c>, <c>@</c>, <c>%</c> or <c>\</c> is escaped with <c>\</c>. A template
/// is a mask in which some positions are written out (a <c>+1 (</c> prefix every value of the format shares), and
/// <see cref="Fill"/> draws the others.
/// <para>
/// Why: Bogus writes every phone in one locale's formats ("1-529-694-9442 x7713") and every postal code as a US ZIP,
/// so a clone's French customer has a Kansas ZIP and a phone format no row of the source has. The source's own
/// formats, learned as masks and linked to the row's other columns (its country), read like the source.
/// </para>
/// </summary>
internal static class FormatTemplate
{
    /// <summary>Longer values are not formats (addresses, free text).</summary>
    public const int MaxLength = 40;

    private const char Digit = '#';
    private const char Upper = '@';
    private const char Lower = '%';
    private const char Escape = '\\';

    /// <summary>The mask of <paramref name="value"/>, or null where it is too long or holds no digit to draw.</summary>
    public static string? MaskOf(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0 || value.Length > MaxLength || !value.Any(char.IsAsciiDigit)) return null;
        var mask = new StringBuilder(value.Length + 2);
        foreach (var c in value) AppendClass(mask, c);
        return mask.ToString();
    }

    /// <summary>
    /// The template of a format whose values all equal <paramref name="first"/> where <paramref name="constant"/> is
    /// true: those positions are written out, except the last <paramref name="drawnAtLeast"/> letters and digits,
    /// which are always drawn (a format shared by five rows of one number must not write that number out).
    /// </summary>
    public static string TemplateOf(string first, IReadOnlyList<bool> constant, int drawnAtLeast)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(constant);
        var keep = new bool[first.Length];
        var drawn = 0;
        for (var i = first.Length - 1; i >= 0; i--)
        {
            if (!char.IsAsciiLetterOrDigit(first[i]))
            {
                keep[i] = true;
                continue;
            }

            keep[i] = constant[i] && drawn >= drawnAtLeast;
            if (!keep[i]) drawn++;
        }

        var template = new StringBuilder(first.Length + 2);
        for (var i = 0; i < first.Length; i++)
        {
            if (keep[i])
            {
                AppendLiteral(template, first[i]);
            }
            else
            {
                AppendClass(template, first[i]);
            }
        }

        return template.ToString();
    }

    /// <summary>The mask a template was made from (its written-out letters and digits back to their classes).</summary>
    public static string MaskOfTemplate(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var mask = new StringBuilder(template.Length);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == Escape && i + 1 < template.Length)
            {
                mask.Append(c).Append(template[++i]);
            }
            else
            {
                AppendClass(mask, c, placeholdersStay: true);
            }
        }

        return mask.ToString();
    }

    /// <summary>A value of <paramref name="template"/>: its written-out characters, and a random character of each drawn class.</summary>
    public static string Fill(string template, Xoshiro256 random)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(random);
        var value = new StringBuilder(template.Length);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            value.Append(c switch
            {
                Escape when i + 1 < template.Length => template[++i],
                Digit => (char)('0' + random.NextInt(10)),
                Upper => (char)('A' + random.NextInt(26)),
                Lower => (char)('a' + random.NextInt(26)),
                _ => c,
            });
        }

        return value.ToString();
    }

    private static void AppendClass(StringBuilder into, char c, bool placeholdersStay = false)
    {
        if (placeholdersStay && c is Digit or Upper or Lower)
        {
            into.Append(c);
        }
        else if (char.IsAsciiDigit(c))
        {
            into.Append(Digit);
        }
        else if (char.IsAsciiLetterUpper(c))
        {
            into.Append(Upper);
        }
        else if (char.IsAsciiLetterLower(c))
        {
            into.Append(Lower);
        }
        else
        {
            AppendLiteral(into, c);
        }
    }

    private static void AppendLiteral(StringBuilder into, char c)
    {
        if (c is Digit or Upper or Lower or Escape) into.Append(Escape);
        into.Append(c);
    }
}
