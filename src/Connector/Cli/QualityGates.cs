using System.Globalization;
using Sdv.Connector.Failures;
using Sdv.Connector.Synthesis.Evaluation.Results;

namespace Sdv.Connector.Cli;

/// <summary>
/// Parses and checks <c>--fail-under</c>: <c>name=value</c> pairs separated by commas. Scores
/// (quality, diagnostic and the quality properties) fail below their limit; privacy rates and
/// counts (exact-match, dcr-share, pii-leaks, rare-category-leaks) fail above it.
/// </summary>
internal static class QualityGates
{
    private static readonly (string Name, bool IsFloor, string Meaning)[] Known =
    [
        ("quality", true, "overall quality score"),
        ("diagnostic", true, "overall diagnostic score"),
        ("column-shapes", true, "Column Shapes property"),
        ("column-pair-trends", true, "Column Pair Trends property"),
        ("cardinality", true, "Cardinality property"),
        ("intertable-trends", true, "Intertable Trends property"),
        ("exact-match", false, "share of synthetic rows equal to a real row"),
        ("dcr-share", false, "share of synthetic rows closer to the real training half than to the holdout"),
        ("pii-leaks", false, "number of synthetic pii/text values found among the real ones"),
        ("pii-rare-leaks", false, "of those, the values fewer than k real rows have in a column that points at a person: the leaks the report names "
            + "(a first name or city many people share, or a templated note many rows have, is not one)"),
        ("rare-category-leaks", false, "number of synthetic rows carrying a category seen fewer than k times in the real data"),
    ];

    public static string Help =>
        "Gates for nightly jobs, e.g. quality=0.80,diagnostic=1.0,exact-match=0.01: the exit code is 4 when one fails. "
        + "Scores fail below the limit: quality, diagnostic, column-shapes, column-pair-trends, cardinality, intertable-trends. "
        + "Privacy figures fail above it: exact-match and dcr-share (rates), pii-leaks, pii-rare-leaks and rare-category-leaks (counts). A gate on a figure the run did not measure fails.";

    /// <exception cref="UserInputException">A malformed spec; the message names the bad part and the valid names.</exception>
    public static IReadOnlyList<QualityGate> Parse(IEnumerable<string>? specs)
    {
        var gates = new List<QualityGate>();
        foreach (var part in (specs ?? []).SelectMany(s => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == part.Length - 1)
                throw new UserInputException($"--fail-under: '{part}' is not name=value; write e.g. quality=0.80,exact-match=0.01.");
            var name = part[..eq].Trim().ToLowerInvariant();
            var known = Known.FirstOrDefault(k => k.Name == name);
            if (known.Name is null)
                throw new UserInputException($"--fail-under: unknown gate '{part[..eq].Trim()}'; use one of {string.Join(", ", Known.Select(k => k.Name))}.");
            var text = part[(eq + 1)..].Trim();
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var limit) || !double.IsFinite(limit) || limit < 0)
                throw new UserInputException($"--fail-under: '{text}' for {name} is not a number of zero or more (use a dot for decimals).");
            if (known.IsFloor && limit > 1)
                throw new UserInputException($"--fail-under: {name}={text} can never pass; scores lie between 0 and 1.");
            if (gates.Any(g => g.Name == name))
                throw new UserInputException($"--fail-under: {name} is given twice; keep one.");
            gates.Add(new QualityGate(name, limit, known.IsFloor));
        }

        return gates;
    }

    public static IReadOnlyList<GateOutcome> Check(EvaluationResult result, IReadOnlyList<QualityGate> gates)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(gates);
        return gates.Select(g =>
        {
            var value = Figure(result, g.Name);
            var passed = value is { } v && (g.IsFloor ? v >= g.Limit : v <= g.Limit);
            return new GateOutcome(g, value, passed);
        }).ToList();
    }

    private static double? Figure(EvaluationResult result, string name) => name switch
    {
        "quality" => result.Quality.Overall,
        "diagnostic" => result.Diagnostic.Overall,
        "column-shapes" => result.Quality.Properties.GetValueOrDefault("Column Shapes"),
        "column-pair-trends" => result.Quality.Properties.GetValueOrDefault("Column Pair Trends"),
        "cardinality" => result.Quality.Properties.GetValueOrDefault("Cardinality"),
        "intertable-trends" => result.Quality.Properties.GetValueOrDefault("Intertable Trends"),
        "exact-match" => result.Privacy.ExactMatchRate,
        "dcr-share" => result.Privacy.Dcr.ShareCloserToTraining,
        "pii-leaks" => result.Privacy.PiiLeaks.Leaks,
        "pii-rare-leaks" => Reports.PrivacyLines.Pointing(result.Privacy.PiiLeaks).Sum(static c => c.RareLeaked),
        "rare-category-leaks" => result.Privacy.RareCategoryLeaks.Leaks,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown gate."),
    };
}
