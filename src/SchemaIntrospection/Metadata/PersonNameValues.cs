using System.Collections.Frozen;
using Bogus.Bson;

namespace Sdv.Connector.SchemaIntrospection.Metadata;

/// <summary>
/// Whether a value reads as a person's name: two or three capitalised words, one of them a known first name, written
/// "Charles Johnson" (first name first, a middle name or initial allowed) or "Johnson, Charles" (family name first, as
/// catalogues and sort keys write it). Column names miss such columns (<c>author_sort</c>, <c>owner_label</c>,
/// <c>assigned</c>), and a name repeated on every row its person touches passes as a common category and would be
/// copied; read from the values, the column is generated as names instead.
/// </summary>
internal static class PersonNameValues
{
    /// <summary>How a value is written as a name.</summary>
    public enum Form
    {
        None,
        FirstNameFirst,
        FamilyNameFirst,
    }

    /// <summary>Locales whose first names are known: the languages most databases are written in.</summary>
    private static readonly string[] Locales = ["en", "de", "fr", "es", "it", "pt_BR", "nl", "pl", "sv", "nb_NO", "da", "fi", "cz", "tr"];

    private static readonly Lazy<FrozenSet<string>> FirstNames = new(Load);

    /// <summary>
    /// The form of a value shaped like a name (two or three capitalised words, or one or two, a comma and one or two),
    /// and whether its first name is a known one. No list holds every first name (Olusegun, Kenji): a column is read as
    /// names where nearly all its values have the shape and many, not all, a known first name.
    /// </summary>
    public static (Form Form, bool KnownFirstName) Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length is < 5 or > 60) return (Form.None, false);
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            // "Johnson, Charles" or "Johnson, Charles E.": a family name, then a first name.
            if (text.IndexOf(',', comma + 1) >= 0) return (Form.None, false);
            var family = Words(text[..comma]);
            var given = Words(text[(comma + 1)..]);
            return family is { Length: 1 or 2 } && given is { Length: 1 or 2 } && family.All(IsNameWord) && given.All(IsNameWord)
                && !IsInitial(given[0]) && !IsInitial(family[^1])
                ? (Form.FamilyNameFirst, IsFirstName(given[0]))
                : (Form.None, false);
        }

        var words = Words(text);
        return words is { Length: 2 or 3 } && words.All(IsNameWord) && !IsInitial(words[0]) && !IsInitial(words[^1])
            ? (Form.FirstNameFirst, IsFirstName(words[0]))
            : (Form.None, false);
    }

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A capitalised word of letters (O'Brien, Jean-Luc, Müller) or an initial (E.).</summary>
    private static bool IsNameWord(string word) =>
        char.IsUpper(word[0]) && (IsInitial(word) || (word.Length >= 2 && word.Skip(1).All(c => char.IsLower(c) || c is '\'' or '-' || char.IsUpper(c)) && word.Any(char.IsLower)));

    private static bool IsInitial(string word) => word.Length == 2 && char.IsUpper(word[0]) && word[1] == '.';

    /// <summary>A known first name, or a double one whose first part is (Jean-Luc, Anna-Lena).</summary>
    private static bool IsFirstName(string word) =>
        word.Length >= 2 && (FirstNames.Value.Contains(word) || (word.IndexOf('-', StringComparison.Ordinal) is > 1 and var dash && FirstNames.Value.Contains(word[..dash])));

    private static FrozenSet<string> Load()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var locale in Locales)
        {
            if (!Bogus.Database.LocaleResourceExists(locale) || Bogus.Database.GetLocale(locale)["name"] is not BObject name) continue;
            foreach (var key in new[] { "first_name", "male_first_name", "female_first_name" })
            {
                if (name[key] is not BArray list) continue;
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i].StringValue is { Length: >= 2 } first && !first.Contains(' ', StringComparison.Ordinal))
                        names.Add(first.Normalize(System.Text.NormalizationForm.FormC));
                }
            }
        }
        return names.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
