using Sdv.Connector.Synthesis.Evaluation.Results;

namespace Sdv.Connector.Reports;

/// <summary>
/// Each privacy figure with one line that says what it counts and whether it is a problem, shared by the console
/// table, the `clone` summary and the HTML report, so they always say the same.
/// </summary>
internal static class PrivacyLines
{
    /// <summary>The tables equal to the real ones row for row, on a line of their own (none: no line).</summary>
    private static IEnumerable<(string Check, string Figure, string Meaning)> Identical(IReadOnlyList<IdenticalTable> tables)
    {
        if (tables.Count == 0) yield break;
        yield return ("tables copied whole", ScoreFormat.Count(tables.Sum(t => t.Rows)),
            $"Rows of {tables.Count} table(s) identical to the real ones: {string.Join(", ", tables.Select(t => t.Table))}. "
            + "Reference tables (small lookups with no personal data) are copied on purpose; they are left out of the figures above. "
            + "If one of them holds personal data, clone with --reference-tables none or name the lookups to copy.");
    }

    public static IReadOnlyList<(string Check, string Figure, string Meaning)> Of(PrivacyResult p)
    {
        var exact = p.ExactMatch;
        var quasi = exact.QuasiIdentifiers.Where(q => q.AboveChance).ToList();
        var worstQuasi = exact.QuasiIdentifiers.Where(q => q.Rate is not null).OrderByDescending(q => q.Rate - (q.NewRowRate ?? 0)).FirstOrDefault();
        return
        [
            ("exact matches", ScoreFormat.Percent(exact.Rate),
                $"{ScoreFormat.Count(exact.Matches)} of {ScoreFormat.Count(exact.SyntheticRows)} synthetic rows equal a real row on every learned column (keys, personal data and free text left out), every row compared. "
                + $"By chance: {ScoreFormat.Percent(exact.NewRowRate)} for new rows from the source (Good–Turing), {ScoreFormat.Percent(exact.ChanceRate)} with columns drawn independently from the real marginals. "
                + (exact.AboveChance ? "Well above the new-row rate: real rows may be reproduced (with --holdout, the next lines tell)." : "Not well above the new-row rate: no sign of copied rows.")),
            ("quasi-identifier matches", worstQuasi is null ? "-" : ScoreFormat.Percent(worstQuasi.Rate),
                worstQuasi is null
                    ? "No table has two or more quasi-identifiers (dates, categories, zip-like codes)."
                    : $"Most above chance: {worstQuasi.Table} ({string.Join(", ", worstQuasi.Columns)}), {ScoreFormat.Percent(worstQuasi.NewRowRate)} for new rows from the source, {ScoreFormat.Percent(worstQuasi.ChanceRate)} from the marginals. "
                      + (quasi.Count > 0 ? $"{quasi.Count} combination(s) well above chance: people could be singled out by them." : "None well above chance.")),
            ("copies of fitted rows", ScoreFormat.Percent(exact.FittedRate),
                exact.FittedRate is null
                    ? "No holdout: cannot compare with real rows the model never saw (clone --holdout 0.2, then evaluate with the same --holdout)."
                    : $"Synthetic rows equal to a real row the model was fitted on (every row compared); {ScoreFormat.Percent(exact.HeldOutRate)} of the real rows held out of the fit equal one, which is what data the model never saw gives. "
                      + (exact.FittedRate > (2 * exact.HeldOutRate) + 0.01 ? "Well above that: the model reproduces the rows it saw." : "Not above that: no sign of copying.")),
            ("closer to fitted rows", ScoreFormat.Percent(p.Dcr.ShareCloserToTraining),
                p.Dcr.Status == DcrSummary.Measured
                    ? $"Distance to closest record: share of synthetic rows nearer the real rows the model was fitted on than the {ScoreFormat.Percent(p.Dcr.HoldoutFraction)} held out of the fit. "
                      + $"About 50% means no copying; above {ScoreFormat.Percent(p.Dcr.WarningShare)} warns{(p.Dcr.Warning ? " (crossed)" : string.Empty)}."
                    : "No holdout: DCR cannot detect copying (every real row was fitted). Run clone with --holdout 0.2 and evaluate with the same --holdout and --seed to measure it."),
            ("pii/text leaks", ScoreFormat.Count(p.PiiLeaks.Leaks),
                $"Synthetic personal-data or free-text values (of {ScoreFormat.Count(p.PiiLeaks.Checked)}) that are also real values of the same column. "
                + (p.PiiLeaks.Leaks == 0 ? "None." : "Generators can hit common real values by chance (a city, a first name); look at the columns: a rare real value here is a leak.")),
            ("rare-category leaks", ScoreFormat.Count(p.RareCategoryLeaks.Leaks),
                $"Synthetic rows (of {ScoreFormat.Count(p.RareCategoryLeaks.Checked)}) carrying a category seen fewer than k times in the real data. "
                + (p.RareCategoryLeaks.Leaks == 0 ? "None: rare categories are not reproduced." : "Each is a real value that could identify someone: a problem.")),
            .. Identical(exact.IdenticalTables ?? []),
        ];
    }
}
