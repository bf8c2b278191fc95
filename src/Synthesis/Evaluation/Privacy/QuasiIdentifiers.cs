using System.Text.RegularExpressions;
using Sdv.Connector.SchemaIntrospection.Model;

namespace Sdv.Connector.Synthesis.Evaluation.Privacy;

/// <summary>
/// Quasi-identifiers of a table: columns that do not name a person alone but single one out together (dates,
/// categories such as sex or status, zip-like codes). Exact matches are also counted on them: on all of them
/// at once, and on each pair of a date or zip-like column with another one (birth date and sex), at most
/// <see cref="MaxPairs"/> pairs per table.
/// </summary>
internal static partial class QuasiIdentifiers
{
    public const int MaxPairs = 6;

    public static bool IsZipLike(EvaluationColumn column) =>
        column.SdType != SdType.Id && (column.PiiKind == PiiKind.Postcode || ZipName().IsMatch(column.Name));

    public static bool Is(EvaluationColumn column) =>
        column.SdType is SdType.Datetime or SdType.Categorical or SdType.Boolean || IsZipLike(column);

    /// <summary>The combinations to count, each a list of column names in table order; <paramref name="learned"/> is left out when it is one of them.</summary>
    public static List<IReadOnlyList<string>> Combinations(ScoredTable table, IReadOnlyList<string> learned, ISet<string> keys)
    {
        var columns = table.Columns.Where(c => !keys.Contains(c.Name) && Is(c)).ToList();
        var combinations = new List<IReadOnlyList<string>>();
        if (columns.Count >= 2)
        {
            combinations.Add(columns.Select(c => c.Name).ToList());
        }

        var identifying = columns.Where(c => c.SdType == SdType.Datetime || IsZipLike(c)).ToList();
        foreach (var first in identifying)
        {
            foreach (var second in columns.Where(c => c != first && !(identifying.Contains(c) && identifying.IndexOf(c) < identifying.IndexOf(first))))
            {
                var pair = table.Columns.Where(c => c == first || c == second).Select(c => c.Name).ToList();
                if (combinations.Count <= MaxPairs && !combinations.Any(x => x.SequenceEqual(pair)))
                {
                    combinations.Add(pair);
                }
            }
        }

        return combinations.Where(c => !c.SequenceEqual(learned)).ToList();
    }

    [GeneratedRegex(@"(^|[^a-z])(zip|zipcode|postal|postcode|plz|cap)([^a-z]|$)|zip_?code|postal_?code|post_?code", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ZipName();
}
