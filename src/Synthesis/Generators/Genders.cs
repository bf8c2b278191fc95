using Bogus.DataSets;
using Sdv.Connector.Synthesis.Models;

namespace Sdv.Connector.Synthesis.Generators;

/// <summary>
/// What a column of courtesy titles or of sexes says of a person ("Mrs." a woman, "M" a man), so that a first name
/// generated in the same row agrees with it: Northwind's clone had "Mr. Janie Marks" and "Ms. Rollin Mayer".
/// </summary>
internal static class Genders
{
    private static readonly Dictionary<string, Name.Gender> ByValue = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Mr"] = Name.Gender.Male, ["Mr."] = Name.Gender.Male, ["Mister"] = Name.Gender.Male, ["Sir"] = Name.Gender.Male,
        ["Mrs"] = Name.Gender.Female, ["Mrs."] = Name.Gender.Female, ["Ms"] = Name.Gender.Female, ["Ms."] = Name.Gender.Female,
        ["Miss"] = Name.Gender.Female, ["Madam"] = Name.Gender.Female,
        ["Herr"] = Name.Gender.Male, ["Frau"] = Name.Gender.Female, ["Fräulein"] = Name.Gender.Female,
        ["M."] = Name.Gender.Male, ["Monsieur"] = Name.Gender.Male, ["Mme"] = Name.Gender.Female, ["Mme."] = Name.Gender.Female,
        ["Madame"] = Name.Gender.Female, ["Mlle"] = Name.Gender.Female, ["Mlle."] = Name.Gender.Female, ["Mademoiselle"] = Name.Gender.Female,
        ["Sr"] = Name.Gender.Male, ["Sr."] = Name.Gender.Male, ["Señor"] = Name.Gender.Male, ["Sra"] = Name.Gender.Female,
        ["Sra."] = Name.Gender.Female, ["Señora"] = Name.Gender.Female, ["Srta"] = Name.Gender.Female, ["Srta."] = Name.Gender.Female,
        ["Sig."] = Name.Gender.Male, ["Signor"] = Name.Gender.Male, ["Sig.ra"] = Name.Gender.Female, ["Signora"] = Name.Gender.Female,
        ["M"] = Name.Gender.Male, ["F"] = Name.Gender.Female, ["Male"] = Name.Gender.Male, ["Female"] = Name.Gender.Female,
        ["Man"] = Name.Gender.Male, ["Woman"] = Name.Gender.Female,
    };

    /// <summary>The gender <paramref name="value"/> names, or null (a neutral title such as "Dr.", a code of anything else).</summary>
    public static Name.Gender? Of(object? value) => value is string text && ByValue.TryGetValue(text.Trim(), out var gender) ? gender : null;

    /// <summary>
    /// Whether a column's values say a person's gender: a courtesy title written anew (its values rare, drawn from the
    /// titles' list), or kept values of which both genders appear and at least <see cref="MinGenderedShare"/> of the rows
    /// name one (M and F of a sex column; Mr., Ms. and Dr. of a title column). A column of sizes S, M, L does not.
    /// </summary>
    public static bool Tells(CategoricalColumnModel column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column.OtherHint == "prefix") return true;
        long gendered = 0, total = 0;
        var seen = new HashSet<Name.Gender>();
        for (var i = 0; i < column.Values.Length; i++)
        {
            if (i == column.NullIndex || i == column.OtherIndex || column.Values[i] is not { } value) continue;
            total += column.Counts[i];
            if (Of(value) is not { } gender) continue;
            gendered += column.Counts[i];
            seen.Add(gender);
        }

        return seen.Count == 2 && gendered >= MinGenderedShare * total;
    }

    /// <summary>Share of a column's rows whose value must name a gender for the column to say one.</summary>
    public const double MinGenderedShare = 0.6;
}
