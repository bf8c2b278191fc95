using System.Text.RegularExpressions;

namespace Sdv.Connector.Synthesis.Generators;

/// <summary>
/// Stand-ins for the rare values of a label column (a status, a kind, a mode) that has no words or shape of its own to
/// write them with: neutral status words ("pending", "read_only") in the column's case and separator. A realm's
/// ssl_required, 'external' in both rows of its table (rarer than k), came out as 'Bellevue', a city; a READ_ONLY mode
/// as 'PXJH_RXSV'. The labels are chosen when the model is fitted, none equal to a value of the column in any case (so
/// no rare value comes back by chance, whether the clone is sampled now or later from the model file), and kept in the
/// model: public words, a subset ordered by a hash of the column's name, not of its values.
/// </summary>
internal static partial class StatusLabels
{
    /// <summary>Labels a model keeps for a column.</summary>
    public const int Kept = 12;

    private static readonly string[] Single =
    [
        "active", "inactive", "pending", "enabled", "disabled", "open", "closed", "draft", "archived", "standard", "default",
        "custom", "manual", "automatic", "optional", "required", "public", "private", "internal", "external", "basic",
        "advanced", "primary", "secondary", "approved", "rejected", "completed", "cancelled", "suspended", "hidden", "visible",
        "locked", "normal", "high", "low", "medium", "full", "partial", "none", "all", "strict", "relaxed", "legacy", "current",
        "temporary", "permanent", "verified", "allowed", "blocked", "shared", "local", "global", "online", "offline", "daily",
        "weekly", "monthly", "new", "expired", "paused", "queued", "ready", "scheduled", "unknown",
    ];

    private static readonly string[] Pairs =
    [
        "read only", "read write", "in progress", "on hold", "not required", "full access", "no access", "opt in", "opt out",
        "high priority", "low priority", "self service", "all requests", "first login", "pending review", "auto approve",
        "manual review", "write only", "not started", "per user", "per group", "long term", "short term", "send email",
        "use default", "allow all", "deny all", "log only", "soft delete", "hard delete",
    ];

    /// <summary>
    /// The stand-in labels of a column whose rare values (with their counts) are all labels, and that repeat (two rows a
    /// value at least) or sit in a column named as a status, kind or mode; null for any other column (names, codes).
    /// </summary>
    /// <param name="realValues">Every value the column holds, rare and kept: no label equals one, in any case.</param>
    public static string[]? For(string column, IReadOnlyCollection<(string Value, long Count)> rare, IEnumerable<string> realValues, int? maxLength)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(rare);
        ArgumentNullException.ThrowIfNull(realValues);
        if (rare.Count == 0 || !rare.All(static r => Label().IsMatch(r.Value))) return null;
        var rows = rare.Sum(static r => r.Count);
        if (rows < 2 * rare.Count && !StatusName().IsMatch(column)) return null;

        // The case and the separator most rare values have (by rows): READ_ONLY, Internal, external.
        var letterCase = rare.GroupBy(static r => CaseOf(r.Value)).OrderByDescending(static g => g.Sum(static r => r.Count)).ThenBy(static g => g.Key).First().Key;
        var separator = rare.GroupBy(static r => SeparatorOf(r.Value)).OrderByDescending(static g => g.Sum(static r => r.Count)).ThenBy(static g => g.Key, StringComparer.Ordinal).First().Key;
        var real = realValues.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var labels = (separator.Length == 0 ? Single : Pairs)
            .Select(l => Cased(separator.Length == 0 ? l : l.Replace(" ", separator, StringComparison.Ordinal), letterCase))
            .Where(l => (maxLength is not { } max || l.Length <= max) && !real.Contains(l) && !real.Contains(l.Replace(separator.Length == 0 ? " " : separator, string.Empty, StringComparison.Ordinal)))
            .OrderBy(l => StableHash.Fnv1a(column + "\u001f" + l.ToLowerInvariant()))
            .Take(Kept)
            .ToArray();
        return labels.Length == 0 ? null : labels;
    }

    /// <summary>One of the labels; the first ones more often (a column of one repeated status keeps mostly one stand-in).</summary>
    public static string Pick(string[] labels, Sampling.Xoshiro256 random)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(random);
        // Weights 1, 1/2, 1/3, ...: draw a point under their sum and walk to it.
        var total = 0.0;
        for (var i = 0; i < labels.Length; i++) total += 1.0 / (i + 1);
        var point = random.NextDouble() * total;
        for (var i = 0; i < labels.Length; i++)
        {
            point -= 1.0 / (i + 1);
            if (point < 0) return labels[i];
        }

        return labels[^1];
    }

    /// <summary>True for one of the status words or pairs, in any case and with any separator ("READ_ONLY", "Pending").</summary>
    public static bool IsStatusWord(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var words = value.Replace('_', ' ').Replace('-', ' ').ToLowerInvariant();
        return Single.Contains(words, StringComparer.Ordinal) || Pairs.Contains(words, StringComparer.Ordinal);
    }

    /// <summary>L lower, U upper, C each word capitalised, M anything else (written in lower case).</summary>
    private static char CaseOf(string value)
    {
        var letters = value.Where(char.IsLetter).ToArray();
        if (letters.All(char.IsLower)) return 'L';
        if (letters.All(char.IsUpper)) return 'U';
        return value.Split('_', '-', ' ').All(static w => w.Length > 0 && char.IsUpper(w[0]) && w.Skip(1).All(char.IsLower)) ? 'C' : 'M';
    }

    private static string SeparatorOf(string value) => value.Contains('_', StringComparison.Ordinal) ? "_" : value.Contains('-', StringComparison.Ordinal) ? "-" : value.Contains(' ', StringComparison.Ordinal) ? " " : string.Empty;

    private static string Cased(string label, char letterCase) => letterCase switch
    {
        'U' => label.ToUpperInvariant(),
        'C' => string.Concat(label.Select((c, i) => i == 0 || label[i - 1] is '_' or '-' or ' ' ? char.ToUpperInvariant(c) : c)),
        _ => label,
    };

    /// <summary>One to three words of letters joined by '_', '-' or a space: a label, not a name with digits or a code.</summary>
    [GeneratedRegex("^[A-Za-z]{2,24}(?:[_\\- ][A-Za-z]{2,24}){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    /// <summary>A column named for a status, a kind or a mode (ssl_required, access_mode, user_type).</summary>
    [GeneratedRegex("status|type|kind|mode|level|policy|required|strategy|flag|method|scope|visibility|access|priority|stage|phase|tier|severity|outcome|result",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StatusName();
}
